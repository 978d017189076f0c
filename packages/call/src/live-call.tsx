/**
 * The call itself, a chunk of its own that the first press of the call button brings (the
 * opened widget before it is call-widget.tsx alone): the call's states (the microphone prompt,
 * connecting, ringing, in call with a timer, ended, failed with its reason), mute, hang up, the
 * dial pad and keyboard digits, the ringback, and "call again". What must happen inside a click
 * (the microphone prompt, starting audio for Safari) is the opened widget's `begin`; its
 * `<audio>` element and live region stay, as they were unlocked and heard from the start.
 */
import type { CallCredentials, PublicCallConfig } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';
import { Component, type RefObject } from 'preact';
import { CallButtons, DialPad } from './call-controls';
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
import { styleLiveCall } from './live-call-styles';
import { ringback } from './ringback';
import type { ActiveCall, CallEvents } from './sip-call';

// The press that brings this chunk asks for the call's credentials: they come with it.
export { callCredentials } from './call-credentials';

/** Places the SIP call (the sip.js chunk's `placeCall`). */
export type PlaceCall = (
  credentials: CallCredentials,
  stream: MediaStream,
  events: CallEvents,
) => ActiveCall;

/** Props of {@link LiveCall}: the opened widget's, and what it keeps for the call. */
export interface LiveCallProps {
  config: PublicCallConfig;
  texts: Texts;
  /** The first press's microphone, asked inside its click: the call starts with it (once). */
  take(): Promise<MediaStream> | undefined;
  /** Asks for the microphone inside a click, and starts the widget's audio (Safari). */
  begin(): Promise<MediaStream>;
  /** Plays the far end's voice in the widget's `<audio>` element (`null`: lets go of it). */
  hear(remote: MediaStream | null): void;
  /** The widget's element: digits typed anywhere in it go to the call. */
  root: RefObject<HTMLElement | null>;
  /** The WebAudio context `begin` started, for the ringback (absent without WebAudio). */
  audioContext(): AudioContext | undefined;
  /** Says `message` in the widget's live region. */
  announce(message: string): void;
  /** `POST /v1/widgets/:key/call-credentials`. */
  credentials(): Promise<CallCredentials>;
  /** Loads sip.js (its own chunk). */
  loadSip(): Promise<PlaceCall>;
  /** Opens the page's callback widget; absent when the page has none. */
  orderCallback?: (() => void) | undefined;
  /** Continues in a small separate window; absent when that is not offered. */
  popOut?: (() => void) | undefined;
  /** Tells the widget's host whether a call is live (closing the dialog then keeps it). */
  onLive?: ((live: boolean) => void) | undefined;
  now(): number;
}

interface LiveState {
  call: CallState;
  muted: boolean;
  digits: string;
}

/** The call; see the module comment. */
export class LiveCall extends Component<LiveCallProps, LiveState> {
  override state: LiveState = { call: idle, muted: false, digits: '' };
  private active: ActiveCall | undefined;
  private stream: MediaStream | undefined;
  private stopRing: (() => void) | undefined;
  /** The far end plays its own ringback (early media): ours stays silent. */
  private farRingback = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Each attempt's number: events of an abandoned attempt are ignored. */
  private attempt = 0;
  private said = '';
  /** The widget's element, where keyboard digits are heard (the ref is gone by unmount). */
  private keys: HTMLElement | null | undefined;

  private dispatch(event: CallEvent) {
    const before = this.state.call;
    const call = nextState(before, event);
    if (call === before) return;
    this.setState({ call });
    if (isLive(call.phase) !== isLive(before.phase)) this.props.onLive?.(isLive(call.phase));
    const context = this.props.audioContext();
    if (call.phase === 'ringing' && context && !this.farRingback) {
      this.stopRing = ringback(context);
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
    this.props.hear(null);
  }

  /** A call with the microphone `microphone` asked for in the click that started it. */
  private call(microphone: Promise<MediaStream>) {
    const attempt = ++this.attempt;
    this.setState({ muted: false, digits: '' });
    this.dispatch({ type: 'start' });
    const sip = this.props.loadSip();
    sip.catch(() => undefined);
    void this.place(attempt, microphone, sip);
  }

  /** "Call again": inside the click, as the first press. */
  private readonly onCall = () => this.call(this.props.begin());

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
          this.props.hear(remote);
        })(),
      answered: (remote) =>
        mine(() => {
          this.props.hear(remote);
          this.dispatch({ type: 'answered', at: this.props.now() });
        })(),
      failed: (reason) => mine(() => this.dispatch({ type: 'failed', reason }))(),
      ended: mine(() => this.dispatch({ type: 'remote-ended' })),
      connectionLost: mine(() => this.dispatch({ type: 'connection-lost' })),
      connectionBack: mine(() => this.dispatch({ type: 'connection-back' })),
    });
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

  /** The status line. */
  private status(): string {
    return callStatus(this.state.call, this.props.texts, this.props.now());
  }

  /** Tells the live region of a new state; the timer's ticks are not news. */
  private tell() {
    const { call } = this.state;
    const message = call.phase === 'in-call' ? this.props.texts.call.inCall : this.status();
    if (message === this.said) return;
    this.said = message;
    this.props.announce(message);
  }

  override componentDidMount() {
    this.keys = this.props.root.current;
    styleLiveCall(this.keys);
    // Keyboard digits: anywhere in the widget while the call is on.
    this.keys?.addEventListener('keydown', this.onKeyDown);
    const first = this.props.take();
    if (first) this.call(first);
  }

  override componentDidUpdate() {
    this.tell();
  }

  override componentWillUnmount() {
    this.keys?.removeEventListener('keydown', this.onKeyDown);
    if (isLive(this.state.call.phase)) this.onHangUp();
    this.release();
  }

  override render() {
    const { config, texts, orderCallback } = this.props;
    const t = texts.call;
    const { call, muted, digits } = this.state;
    return (
      <>
        {call.phase === 'idle' ? <p class="hint">{t.explain}</p> : null}
        <p
          class={call.phase === 'failed' ? 'alert' : 'state'}
          data-call-status={call.phase}
          role={call.phase === 'failed' ? 'alert' : undefined}
        >
          {this.status()}
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
        {call.phase === 'failed' && orderCallback ? (
          <button type="button" class="ctl" onClick={orderCallback}>
            {t.orderCallback}
          </button>
        ) : null}
      </>
    );
  }
}
