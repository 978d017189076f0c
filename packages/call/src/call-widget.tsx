/**
 * The opened call widget: the explanation and the call button; out of working hours the
 * non-working title and text, and "order a callback" when the page has a callback widget. While
 * nobody can answer (presence), it says so with the "nobody available" texts before anything asks
 * for the microphone, and offers the page's callback widget or chat instead of a call. The call
 * itself — its states, mute, hang up, the dial pad — is live-call.tsx, a chunk of its own that
 * the first press brings (and a pointer over the button, before it): a visitor who only reads
 * does not load it. A class component, like the dialog.
 */
import type { CallCredentials, Presence, PublicCallConfig } from '@frontdesk/config';
import { textIn } from '@frontdesk/config';
import { BrandLine, errorText, LiveRegion, type Locale, type Variant } from '@frontdesk/core';
import { Component, createRef } from 'preact';
import type { OpenedTexts, Texts } from './call-messages';
import { InsteadOfCall } from './instead-of-call';
import type { LiveCall, PlaceCall } from './live-call';
import { loadLiveTexts, withLiveTexts } from './live-texts';

export type { PlaceCall } from './live-call';

/** Id of the dialog's title. */
export const TITLE_ID = 'fd-call-title';

/** Starts `audio` playing; a refusal (no gesture, no source yet) is no error. */
function play(audio: HTMLAudioElement | null) {
  try {
    audio?.play()?.catch(() => undefined);
  } catch {
    // not supported here
  }
}

/** The call itself and its texts in `locale`, chunks of their own (see the module comment). */
const loadCall = (locale: Locale) =>
  Promise.all([import('./live-call'), loadLiveTexts(locale)] as const);

/** Props of {@link CallWidget}. */
export interface CallWidgetProps {
  config: PublicCallConfig;
  variant: Variant;
  /** Who can answer now: a call is offered only while someone can. */
  presence: Presence;
  /** The widget's language: of its texts and of the marketer's (the config's `languages`). */
  lang: Locale;
  texts: OpenedTexts;
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
  /** The call itself, once the first press has brought it. */
  Live?: typeof LiveCall;
  /** Every text, a call's included, with it. */
  texts?: Texts;
  /** A call is under way (pressed, the call itself perhaps still on its way). */
  live: boolean;
  /** Before the call itself has come: not pressed, pressed, or it could not come. */
  waiting: 'idle' | 'pressed' | 'broken';
  /** What the live region says. */
  announce: string;
}

/** The call widget; see the module comment. */
export class CallWidget extends Component<CallWidgetProps, WidgetState> {
  override state: WidgetState = { live: false, waiting: 'idle', announce: '' };
  private readonly audio = createRef<HTMLAudioElement>();
  private readonly root = createRef<HTMLDivElement>();
  private audioContext: AudioContext | undefined;
  /** The first press's microphone, until the call takes it over. */
  private first: Promise<MediaStream> | undefined;

  private now = () => (this.props.now ?? Date.now)();

  /**
   * What a press of the call button does inside its click: Safari plays audio only when it
   * started in a gesture (the ringback's context, the far end's `<audio>`), and the microphone
   * prompt comes from the click.
   */
  private readonly begin = (): Promise<MediaStream> => {
    try {
      this.audioContext ??= new AudioContext();
      void this.audioContext.resume().catch(() => undefined);
    } catch {
      // no WebAudio: no ringback
    }
    play(this.audio.current);
    try {
      return this.props.microphone();
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /**
   * The first press: the microphone is asked now, and the call is under way from here (closing
   * the dialog keeps it); the call itself takes over once it has come.
   */
  private readonly onCall = () => {
    if (this.first) return; // a second press while the call is on its way
    const first = this.begin();
    first.catch(() => undefined);
    this.first = first;
    this.setLive(true);
    this.setState({ waiting: 'pressed', announce: this.props.texts.call.microphone });
    loadCall(this.props.lang).then(
      ([{ LiveCall: Live }, live]) => {
        if (this.first) this.setState({ Live, texts: withLiveTexts(this.props.texts, live) });
      },
      () => {
        if (!this.first) return;
        this.drop();
        this.setLive(false);
        const broken = errorText(this.props.texts.core, 'network');
        this.setState({ waiting: 'broken', announce: broken });
      },
    );
  };

  /** Lets the first press's microphone go (the call never took it): it is stopped once it comes. */
  private drop() {
    const first = this.first;
    this.first = undefined;
    void first?.then(
      (stream) => {
        for (const track of stream.getTracks()) track.stop();
      },
      () => undefined,
    );
  }

  /** A call is, or is no longer, under way: here and for the widget's host. */
  private readonly setLive = (live: boolean) => {
    this.setState({ live });
    this.props.onLive?.(live);
  };

  /** Plays the far end's audio (`remote`), or lets go of it. */
  private readonly hear = (remote: MediaStream | null) => {
    const audio = this.audio.current;
    if (!audio) return;
    audio.srcObject = remote;
    if (remote) play(audio);
  };

  override componentWillUnmount() {
    // Removed while the call itself was on its way: nothing takes the microphone.
    if (this.first) {
      this.drop();
      this.props.onLive?.(false);
    }
    void this.audioContext?.close().catch(() => undefined);
  }

  override render() {
    const { config, variant, texts, lang } = this.props;
    const t = texts.call;
    const { Live, live, waiting, texts: all } = this.state;
    const broken = waiting === 'broken';
    // A call already under way goes on, whoever else comes and goes.
    const nobody = variant === 'working' && this.props.presence !== 'online' && !live;
    const working = variant === 'working' && !nobody;
    const look = working
      ? config.appearance.working
      : nobody
        ? config.appearance.nobody
        : config.appearance.nonWorking;
    const text = textIn(look.text, lang);
    const brandHidden = variant === 'working' ? config.brand.hidden : config.brand.nonWorkingHidden;
    return (
      <div ref={this.root} class="call">
        <div class="head" data-variant={nobody ? 'nobody' : variant}>
          <h2 id={TITLE_ID} class="title">
            {textIn(look.title, lang)}
          </h2>
          {text ? <p class="text">{text}</p> : null}
        </div>
        <div class="body">
          {!working ? (
            <InsteadOfCall
              texts={t}
              orderCallback={this.props.orderCallback}
              writeMessage={this.props.writeMessage}
            />
          ) : Live && all ? (
            <Live
              config={config}
              texts={all}
              take={() => {
                const first = this.first;
                this.first = undefined;
                return first;
              }}
              begin={this.begin}
              hear={this.hear}
              root={this.root}
              audioContext={() => this.audioContext}
              announce={(announce) => this.setState({ announce })}
              credentials={this.props.credentials}
              loadSip={this.props.loadSip}
              orderCallback={this.props.orderCallback}
              popOut={this.props.popOut}
              onLive={this.setLive}
              now={this.now}
            />
          ) : waiting === 'pressed' ? (
            <p class="state" data-call-status="microphone">
              {t.microphone}
            </p>
          ) : (
            <>
              <p class="hint">{t.explain}</p>
              <p
                class={broken ? 'alert' : 'state'}
                data-call-status={broken ? 'failed' : 'idle'}
                role={broken ? 'alert' : undefined}
              >
                {broken ? errorText(texts.core, 'network') : ''}
              </p>
              <button
                type="button"
                class="send"
                data-autofocus
                onClick={this.onCall}
                onPointerEnter={() => void loadCall(lang).catch(() => undefined)}
              >
                {t.call}
              </button>
              {this.props.popOut ? (
                <button type="button" class="ctl" onClick={this.props.popOut}>
                  {t.popOut}
                </button>
              ) : null}
              {broken && this.props.orderCallback ? (
                <button type="button" class="ctl" onClick={this.props.orderCallback}>
                  {t.orderCallback}
                </button>
              ) : null}
            </>
          )}
          {/* biome-ignore lint/a11y/useMediaCaption: a phone call's audio has no captions */}
          <audio ref={this.audio} autoplay data-remote="" />
          <LiveRegion message={this.state.announce} />
        </div>
        {brandHidden ? null : (
          <BrandLine poweredBy={texts.core.poweredBy} href={this.props.brandHref} />
        )}
      </div>
    );
  }
}
