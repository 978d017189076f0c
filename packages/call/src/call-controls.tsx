/**
 * The call's buttons: Mute and Hang up while a call is live, "call again" after it (with
 * "continue in a small window" where offered), and the dial pad in a call.
 */
import type { CallMessages } from './call-messages';
import { type CallPhase, DTMF_DIGITS, isLive } from './call-state';

/** Props of {@link CallButtons}. */
export interface CallButtonsProps {
  phase: CallPhase;
  muted: boolean;
  texts: CallMessages;
  onCall(): void;
  onMute(): void;
  onHangUp(): void;
  /** Continues in a small separate window; absent when that is not offered. */
  popOut?: (() => void) | undefined;
}

/** Mute and Hang up, or the call button; see the module comment. */
export function CallButtons({ phase, muted, texts: t, ...on }: CallButtonsProps) {
  const live = isLive(phase);
  return (
    <>
      {live ? (
        <div class="controls">
          <button
            type="button"
            class="ctl"
            aria-pressed={muted ? 'true' : 'false'}
            onClick={on.onMute}
            disabled={phase !== 'in-call'}
          >
            {t.mute}
          </button>
          <button type="button" class="ctl hangup" data-autofocus onClick={on.onHangUp}>
            {t.hangUp}
          </button>
        </div>
      ) : (
        <button type="button" class="send" data-autofocus onClick={on.onCall}>
          {phase === 'idle' ? t.call : t.callAgain}
        </button>
      )}
      {!live && on.popOut ? (
        <button type="button" class="ctl" onClick={on.popOut}>
          {t.popOut}
        </button>
      ) : null}
    </>
  );
}

/** Props of {@link DialPad}. */
export interface DialPadProps {
  /** The digits sent so far. */
  digits: string;
  texts: CallMessages;
  onDigit(digit: string): void;
}

/** The dial pad of a call under way. */
export function DialPad({ digits, texts: t, onDigit }: DialPadProps) {
  return (
    <fieldset class="pad" aria-label={t.dialPad}>
      <output class="digits" aria-live="polite">
        {digits}
      </output>
      {DTMF_DIGITS.map((digit) => (
        <button key={digit} type="button" class="key" onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
    </fieldset>
  );
}
