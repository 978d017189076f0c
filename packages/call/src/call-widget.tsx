/**
 * The opened call widget: the explanation and the call button, then the call's states (the
 * microphone prompt, connecting, ringing, in call with a timer, ended, failed with its reason),
 * mute, hang up and the dial pad; out of working hours the non-working title and text, and
 * "order a callback" when the page has a callback widget. While nobody can answer (presence),
 * it says so with the "nobody available" texts before anything asks for the microphone, and
 * offers the page's callback widget or chat instead of a call. A class component, like the
 * dialog.
 */
import {
  type CallCredentials,
  type Presence,
  type PublicCallConfig,
  textIn,
} from '@frontdesk/config';
import { BrandLine, LiveRegion, type Locale, PlatformError, type Variant } from '@frontdesk/core';
import { Component, createRef } from 'preact';
import { play, ringback } from './call-audio';
import { CallButtons, DialPad, InsteadOfCall } from './call-controls';
import type { Texts } from './call-messages';
import {
  type CallEvent,
  type CallState,
  idle,
  isDtmf,
  isLive,
  microphoneReason,
  nextState,
  platformReason,
} from './call-state';
import { callStatus } from './call-status';
import type { ActiveCall, CallEvents } from './sip-call';

/** Id of the dialog's title. */
export const TITLE_ID = 'fd-call-title';

/** Places the SIP call (the sip.js chunk's `placeCall`). */
export type PlaceCall = (
  credentials: CallCredentials,
  stream: MediaStream,
  events: CallEvents,
) => ActiveCall;

/** Props of {@link CallWidget}. */
export interface CallWidgetProps {
  config: PublicCallConfig;
  variant: Variant;
  /** Who can answer now: a call is offered only while someone can. */
  presence: Presence;
  /** The widget's language: of its texts and of the marketer's (the config's `languages`). */
  lang: Locale;
  texts: Texts;
  brandHref: string;
  /** Asks for the microphone; called inside the click. */
  microphone(): Promise<MediaStream>;
  /** `POST /v1/widgets/:key/call-credentials`. */
  credentials(): Promise<CallCredentials>;
  /** Loads sip.js (its own chunk). */
  loadSip(): Promise<PlaceCall>;
  /** Opens the page's callback widget; absent when the page has none. */
  orderCallback?: (() => void) | undefined;
  /** Opens the page's chat; absent when the page has none. */
  writeMessage?: (() => void) | undefined;
  /** Continues in a small separate window; absent when that is not offered. */
  popOut?: (() => void) | undefined;
  /** Tells the widget's host whether a call is live (closing the dialog then keeps it). */
  onLive?(live: boolean): void;
  now?(): number;
}

interface WidgetState {
  call: CallState;
  muted: boolean;
  digits: string;
  pad: boolean;
}

/** The call widget; see the module comment. */
export class CallWidget extends Component<CallWidgetProps, WidgetState> {
  override state: WidgetState = { call: idle, muted: false, digits: '', pad: false };
  private readonly audio = createRef<HTMLAudioElement>();
  private readonly root = createRef<HTMLDivElement>();
  private active: ActiveCall | undefined;
  private stream: MediaStream | undefined;
  private audioContext: AudioContext | undefined;
  private stopRing: (() => void) | undefined;
  /** The far end plays its own ringback (early media): ours stays silent. */
  private farRingback = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Each attempt's number: events of an abandoned attempt are ignored. */
  private attempt = 0;

  private now = () => (this.props.now ?? Date.now)();

  private dispatch(event: CallEvent) {
    const before = this.state.call;
    const call = nextState(before, event);
    if (call === before) return;
    this.setState({ call });
    if (isLive(call.phase) !== isLive(before.phase)) this.props.onLive?.(isLive(call.phase));
    if (call.phase === 'ringing' && this.audioContext && !this.farRingback) {
      this.stopRing = ringback(this.audioContext);
    }
    if (call.phase !== 'ringing') {
      this.stopRing?.();
      this.stopRing = undefined;
    }
    if (call.phase === 'in-call' && !this.timer) {
      this.timer = setInterval(() => this.forceUpdate(), 1000);
    }
    if (!isLive(call.phase)) this.release();
  }

  /** Lets go of everything a call holds: the microphone, the timer, the ringback. */
  private release() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopRing?.();
    this.stopRing = undefined;
    this.farRingback = false;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
    this.active = undefined;
    const audio = this.audio.current;
    if (audio) audio.srcObject = null;
  }

  /** The call button: everything up to the microphone prompt happens inside this click. */
  private readonly onCall = () => {
    const attempt = ++this.attempt;
    this.setState({ muted: false, digits: '', pad: false });
    this.dispatch({ type: 'start' });
    // Safari plays audio only when it started in a gesture: start the ringback's context here.
    try {
      this.audioContext ??= new AudioContext();
      void this.audioContext.resume().catch(() => undefined);
    } catch {
      // no WebAudio: no ringback
    }
    play(this.audio.current);
    let microphone: Promise<MediaStream>;
    try {
      microphone = this.props.microphone();
    } catch (error) {
      microphone = Promise.reject(error);
    }
    const sip = this.props.loadSip();
    sip.catch(() => undefined);
    void this.place(attempt, microphone, sip);
  };

  private async place(attempt: number, microphone: Promise<MediaStream>, sip: Promise<PlaceCall>) {
    const current = () => attempt === this.attempt && isLive(this.state.call.phase);
    let stream: MediaStream;
    try {
      stream = await microphone;
    } catch (error) {
      if (attempt === this.attempt)
        this.dispatch({ type: 'failed', reason: microphoneReason(error) });
      return;
    }
    if (!current()) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.stream = stream;
    this.dispatch({ type: 'microphone-ready' });
    let credentials: CallCredentials;
    let placeCall: PlaceCall;
    try {
      [credentials, placeCall] = await Promise.all([this.props.credentials(), sip]);
    } catch (error) {
      if (current()) {
        const code = error instanceof PlatformError ? error.code : 'network';
        this.dispatch({ type: 'failed', reason: platformReason(code) });
      }
      return;
    }
    if (!current()) return;
    const mine = (fn: () => void) => () => {
      if (attempt === this.attempt) fn();
    };
    this.active = placeCall(credentials, stream, {
      ringing: mine(() => this.dispatch({ type: 'ringing' })),
      earlyMedia: (remote) =>
        mine(() => {
          this.farRingback = true;
          this.stopRing?.();
          this.stopRing = undefined;
          this.hear(remote);
        })(),
      answered: (remote) =>
        mine(() => {
          this.hear(remote);
          this.dispatch({ type: 'answered', at: this.now() });
        })(),
      failed: (reason) => mine(() => this.dispatch({ type: 'failed', reason }))(),
      ended: mine(() => this.dispatch({ type: 'remote-ended' })),
      connectionLost: mine(() => this.dispatch({ type: 'connection-lost' })),
      connectionBack: mine(() => this.dispatch({ type: 'connection-back' })),
    });
  }

  /** Plays the far end's audio. */
  private hear(remote: MediaStream) {
    const audio = this.audio.current;
    if (!audio) return;
    audio.srcObject = remote;
    play(audio);
  }

  private readonly onHangUp = () => {
    this.active?.hangUp();
    this.attempt++;
    this.dispatch({ type: 'hung-up' });
  };

  private readonly onMute = () => {
    const muted = !this.state.muted;
    this.active?.setMuted(muted);
    this.setState({ muted });
  };

  private digit(digit: string) {
    if (this.state.call.phase !== 'in-call') return;
    this.active?.sendDigit(digit);
    this.setState({ digits: (this.state.digits + digit).slice(-24) });
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (!this.props.config.dialPad || this.state.call.phase !== 'in-call') return;
    const target = event.target as Element | null;
    if (target?.closest?.('input,textarea,select')) return;
    if (isDtmf(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.digit(event.key);
    }
  };

  /** Hangs up a live call (the widget is being removed from the page). */
  hangUpIfLive() {
    if (isLive(this.state.call.phase)) this.onHangUp();
  }

  override componentDidMount() {
    // Keyboard digits: anywhere in the widget while the call is on.
    this.root.current?.addEventListener('keydown', this.onKeyDown);
  }

  override componentWillUnmount() {
    this.root.current?.removeEventListener('keydown', this.onKeyDown);
    this.hangUpIfLive();
    this.release();
    void this.audioContext?.close().catch(() => undefined);
  }

  override render() {
    const { config, variant, texts, lang } = this.props;
    const t = texts.call;
    const { call, muted, digits } = this.state;
    const live = isLive(call.phase);
    // A call already under way goes on, whoever else comes and goes.
    const nobody = variant === 'working' && this.props.presence !== 'online' && !live;
    const working = variant === 'working' && !nobody;
    const look = working
      ? config.appearance.working
      : nobody
        ? config.appearance.nobody
        : config.appearance.nonWorking;
    const text = textIn(look.text, lang);
    const status = callStatus(call, texts, this.now());
    const brandHidden = variant === 'working' ? config.brand.hidden : config.brand.nonWorkingHidden;
    return (
      <div ref={this.root} class="call" data-phase={call.phase}>
        <div class="head" data-variant={nobody ? 'nobody' : variant}>
          <h2 id={TITLE_ID} class="title">
            {textIn(look.title, lang)}
          </h2>
          {text ? <p class="text">{text}</p> : null}
        </div>
        <div class="body">
          {working ? (
            <>
              {call.phase === 'idle' ? <p class="hint">{t.explain}</p> : null}
              <p
                class={call.phase === 'failed' ? 'alert' : 'state'}
                data-call-status={call.phase}
                role={call.phase === 'failed' ? 'alert' : undefined}
              >
                {status}
              </p>
              <CallButtons
                phase={call.phase}
                muted={muted}
                texts={t}
                onCall={this.onCall}
                onMute={this.onMute}
                onHangUp={this.onHangUp}
                popOut={this.props.popOut}
              />
              {config.dialPad && call.phase === 'in-call' ? (
                <DialPad digits={digits} texts={t} onDigit={(digit) => this.digit(digit)} />
              ) : null}
              {call.phase === 'failed' && this.props.orderCallback ? (
                <button type="button" class="ctl" onClick={this.props.orderCallback}>
                  {t.orderCallback}
                </button>
              ) : null}
            </>
          ) : (
            <InsteadOfCall
              texts={t}
              orderCallback={this.props.orderCallback}
              writeMessage={this.props.writeMessage}
            />
          )}
          {/* biome-ignore lint/a11y/useMediaCaption: a phone call's audio has no captions */}
          <audio ref={this.audio} autoplay data-remote="" />
          <LiveRegion message={call.phase === 'in-call' ? t.inCall : status} />
        </div>
        {brandHidden ? null : (
          <BrandLine poweredBy={texts.core.poweredBy} href={this.props.brandHref} />
        )}
      </div>
    );
  }
}
