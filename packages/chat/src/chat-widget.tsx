/**
 * The opened chat: header (the operator's name and photo where the settings allow), the tabs
 * (chat, and the callback form when the channel is on), the message log (`role="log"`: new
 * messages are announced politely), typing and read states, the rating after a closed chat,
 * the messenger buttons, the composer (Enter sends, Shift+Enter breaks the line; Send waits for
 * the consent tick where the config asks) and the brand line. A class component: Preact's
 * hooks would cost the opened widget's budget a kilobyte.
 */
import type { ChatMessage, ChatRating, Messenger, PublicChatConfig } from '@frontdesk/config';
import { textIn } from '@frontdesk/config';
import {
  BrandLine,
  errorText,
  type Locale,
  linkify,
  PlatformError,
  safeHref,
  type Variant,
} from '@frontdesk/core';
import { Component, type ComponentChild, createRef } from 'preact';
import type { Texts } from './chat-messages';
import type { ChatSession, ChatState } from './chat-session';
import { MESSENGERS, openHandoff } from './handoff';

/** Props of {@link ChatWidget}. */
export interface ChatWidgetProps {
  config: PublicChatConfig;
  /** The variant when the window opened (the platform's `welcome` has the last word). */
  variant: Variant;
  session: ChatSession;
  texts: Texts;
  /** The widget's language: of its texts and of the marketer's (the config's `languages`). */
  lang: Locale;
  /** For Intl formatting (see `formatLocale`). */
  locale: string;
  /** Where the brand line links to. */
  brandHref: string;
  /** Opened on the callback tab, by the lead generator: its look. */
  lead?: boolean | undefined;
  /** The callback tab's content, loaded when the tab first opens; absent: no tab. */
  loadCallback?: ((lead: boolean) => Promise<() => ComponentChild>) | undefined;
  /** Opens a messenger's link (default `window.open`). */
  openUrl?: (url: string, target: string, features: string) => unknown;
}

interface WidgetState {
  chat: ChatState;
  tab: 'chat' | 'callback';
  draft: string;
  consent: boolean;
  /** The callback tab's content, once loaded. */
  callback?: (() => ComponentChild) | undefined;
  alert: string;
}

/** Id of the window's title, which names its dialog. */
export const TITLE_ID = 'fd-chat-title';
const LOG_ID = 'fd-chat-log';
const INPUT_ID = 'fd-chat-input';
const RATINGS: readonly ChatRating[] = ['excellent', 'good', 'satisfactory', 'poor'];

/** The chat's content, inside its dialog; see the module comment. */
export class ChatWidget extends Component<ChatWidgetProps, WidgetState> {
  private readonly logRef = createRef<HTMLDivElement>();
  private readonly inputRef = createRef<HTMLTextAreaElement>();
  private stop = () => {};
  private readonly time: Intl.DateTimeFormat;

  constructor(props: ChatWidgetProps) {
    super(props);
    this.time = new Intl.DateTimeFormat(props.locale, { hour: '2-digit', minute: '2-digit' });
    this.state = {
      chat: props.session.state,
      tab: props.lead && props.loadCallback ? 'callback' : 'chat',
      draft: '',
      consent: false,
      alert: '',
    };
  }

  override componentDidMount() {
    const unsubscribe = this.props.session.subscribe((chat) => this.setState({ chat }));
    document.addEventListener('visibilitychange', this.markSeen);
    this.stop = () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', this.markSeen);
    };
    if (this.state.tab === 'callback') this.showTab('callback');
    this.scrollDown();
    this.markSeen();
  }

  override componentWillUnmount() {
    this.stop();
  }

  /** Whether the log shows its last message before a render (see componentDidUpdate). */
  override getSnapshotBeforeUpdate(): boolean {
    const log = this.logRef.current;
    return !!log && log.scrollHeight - log.scrollTop - log.clientHeight < 4;
  }

  override componentDidUpdate(_: ChatWidgetProps, previous: WidgetState, atEnd?: boolean) {
    const { chat, tab } = this.state;
    const count = chat.messages.length + chat.pending.length;
    // A new message scrolls to it; what takes room under the log (the rating, a longer status
    // line) keeps the last message in view if it was.
    if (atEnd || count !== previous.chat.messages.length + previous.chat.pending.length) {
      this.scrollDown();
    }
    if (chat.unread || tab !== previous.tab) this.markSeen();
  }

  /** The log is in view: its messages count as read. */
  private readonly markSeen = () => {
    if (document.visibilityState === 'visible' && this.state.tab === 'chat') {
      this.props.session.seen();
    }
  };

  private scrollDown() {
    const log = this.logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }

  private showTab(tab: WidgetState['tab']) {
    this.setState({ tab });
    const { loadCallback, lead } = this.props;
    if (tab === 'callback' && loadCallback && !this.state.callback) {
      loadCallback(lead === true).then(
        (callback) => this.setState({ callback }),
        (error: unknown) => this.fail(error),
      );
    }
  }

  /** Arrow keys, Home and End move between the tabs (the ARIA tabs pattern). */
  private readonly onTabKey = (event: KeyboardEvent) => {
    const next: WidgetState['tab'] | undefined =
      event.key === 'ArrowLeft' || event.key === 'Home'
        ? 'chat'
        : event.key === 'ArrowRight' || event.key === 'End'
          ? 'callback'
          : undefined;
    if (!next) return;
    event.preventDefault();
    this.showTab(next);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#fd-tab-${next}`)?.focus();
  };

  private fail(error: unknown) {
    const code = error instanceof PlatformError ? error.code : 'unknown';
    this.setState({ alert: errorText(this.props.texts.core, code) });
  }

  /** Sends `text` (the composer's value) when it may be sent. */
  private send(text: string) {
    if (!this.canSend(text)) return;
    this.props.session.send(text);
    this.setState({ draft: '', alert: '' });
  }

  private canSend(text = this.state.draft) {
    const consentMissing = this.props.config.consent.required && !this.state.consent;
    return text.trim() !== '' && !consentMissing;
  }

  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    this.send(this.state.draft);
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    // Enter sends; Shift+Enter is a new line; Enter that ends an IME composition is neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      // The field's own value: a render may not have caught up with the last keystroke yet.
      this.send((event.currentTarget as HTMLTextAreaElement).value);
    }
  };

  private handoff(channel: Messenger) {
    this.setState({ alert: '' });
    openHandoff(channel, this.props.session.handoff, this.props.openUrl).catch((error) =>
      this.fail(error),
    );
  }

  private rate(rating: ChatRating) {
    this.props.session.rate(rating).then(
      // The marks give way to the thanks: focus goes on to the composer, not to nowhere.
      () => this.inputRef.current?.focus(),
      (error) => this.fail(error),
    );
  }

  /** The state line under one of the visitor's messages. */
  private ownState(message: ChatMessage): string {
    const m = this.props.texts.chat;
    const conversation = this.state.chat.conversation;
    const read =
      conversation?.id === message.conversationId && message.seq <= conversation.readByOperatorSeq;
    return read ? m.read : m.sent;
  }

  private renderMessage(message: ChatMessage) {
    const m = this.props.texts.chat;
    const who =
      message.author === 'visitor'
        ? m.you
        : message.author === 'auto'
          ? m.auto
          : (message.operator?.name ?? m.operator);
    const at = new Date(message.at);
    return (
      <div key={message.id} class="bubble" data-author={message.author}>
        <span class="sr-only">{who}: </span>
        <p class="words">{linkify(message.text)}</p>
        <span class="meta">
          <time dateTime={message.at}>
            {Number.isNaN(at.getTime()) ? '' : this.time.format(at)}
          </time>
          {message.author === 'visitor' ? ` · ${this.ownState(message)}` : ''}
        </span>
      </div>
    );
  }

  /** The operator the visitor talks to, as the settings allow them to be shown. */
  private operator() {
    const { site } = this.props.config.channels;
    const last = [...this.state.chat.messages].reverse().find((m) => m.operator);
    const name = site.showOperatorName ? last?.operator?.name : undefined;
    const photo = site.showOperatorPhoto ? last?.operator?.photoUrl : undefined;
    return { name, photo: photo ? safeHref(photo) : undefined };
  }

  private renderChat() {
    const { config, texts } = this.props;
    const m = texts.chat;
    const { chat, draft } = this.state;
    const conversation = chat.conversation;
    const offline = chat.connection !== 'online';
    const messengers = MESSENGERS.filter(([channel]) => config.channels[channel]);
    return (
      <>
        <div
          ref={this.logRef}
          id={LOG_ID}
          class="log"
          role="log"
          aria-live="polite"
          aria-label={m.log}
          // A scrolling region must be reachable by keyboard, to scroll it with the arrow keys.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: see the line above
          tabIndex={0}
        >
          {chat.messages.map((message) => this.renderMessage(message))}
          {chat.pending.map((message) => (
            <div key={message.clientId} class="bubble" data-author="visitor" data-pending="">
              <span class="sr-only">{m.you}: </span>
              <p class="words">{linkify(message.text)}</p>
              <span class="meta">{offline ? m.waiting : m.sending}</span>
            </div>
          ))}
          {chat.failed.map((message) => (
            <div key={message.clientId} class="bubble" data-author="visitor" data-failed="">
              <span class="sr-only">{m.you}: </span>
              <p class="words">{message.text}</p>
              <span class="meta">
                {m.notSent}: {errorText(texts.core, message.code)}
              </span>
            </div>
          ))}
        </div>
        {chat.messages.length + chat.pending.length === 0 ? <p class="hint">{m.empty}</p> : null}
        <p class="status" aria-live="polite">
          {chat.operatorTyping
            ? m.typing
            : chat.connection === 'refused'
              ? errorText(texts.core, chat.refusal ?? 'unknown')
              : chat.connection === 'connecting' || chat.connection === 'offline'
                ? m.connecting
                : chat.working !== false && !chat.operatorsOnline
                  ? m.noOperators
                  : ''}
        </p>
        {conversation?.status === 'closed' && conversation.ratingOffered ? (
          conversation.rating ? (
            <p class="hint">{m.rated}</p>
          ) : (
            <fieldset class="rating">
              <legend class="label">{m.rateTitle}</legend>
              {RATINGS.map((rating) => (
                <button
                  key={rating}
                  type="button"
                  class="chip"
                  data-rating={rating}
                  onClick={() => this.rate(rating)}
                >
                  {m.ratings[rating]}
                </button>
              ))}
            </fieldset>
          )
        ) : null}
        <p class="alert" role="alert">
          {this.state.alert}
        </p>
        <form class="composer" onSubmit={this.onSubmit}>
          <label class="sr-only" for={INPUT_ID}>
            {m.message}
          </label>
          <textarea
            ref={this.inputRef}
            id={INPUT_ID}
            class="input"
            rows={2}
            maxLength={4000}
            placeholder={m.placeholder}
            value={draft}
            data-autofocus
            onInput={(event) => {
              this.setState({ draft: event.currentTarget.value });
              this.props.session.typing();
            }}
            onKeyDown={this.onKeyDown}
          />
          {config.consent.required ? (
            <label class="check">
              <input
                type="checkbox"
                checked={this.state.consent}
                onChange={(event) => this.setState({ consent: event.currentTarget.checked })}
              />
              <span>{textIn(config.consent.text, this.props.lang) || m.consent}</span>
            </label>
          ) : null}
          <button type="submit" class="send" disabled={!this.canSend()}>
            {m.send}
          </button>
        </form>
        {messengers.length ? (
          <div class="messengers">
            {messengers.map(([channel, name]) => (
              <button
                key={channel}
                type="button"
                class="chip"
                data-channel={channel}
                aria-label={m.continueIn(name)}
                onClick={() => this.handoff(channel)}
              >
                {name}
              </button>
            ))}
          </div>
        ) : null}
      </>
    );
  }

  override render() {
    const { config, texts, loadCallback, lang } = this.props;
    const m = texts.chat;
    const { chat, tab, callback } = this.state;
    const working = chat.working ?? this.props.variant === 'working';
    const look = working ? config.appearance.working : config.appearance.nonWorking;
    const brandHidden = working ? config.brand.hidden : config.brand.nonWorkingHidden;
    const operator = this.operator();
    const tabs: [WidgetState['tab'], string][] = [
      ['chat', m.chatTab],
      ['callback', m.callbackTab],
    ];
    return (
      <>
        <header class="head" data-variant={working ? 'working' : 'non-working'}>
          {operator.photo ? <img class="photo" src={operator.photo} alt="" /> : null}
          <h2 id={TITLE_ID} class="title">
            {textIn(look.title, lang)}
          </h2>
          {operator.name ? <p class="text">{operator.name}</p> : null}
          {textIn(look.text, lang) ? <p class="text">{textIn(look.text, lang)}</p> : null}
        </header>
        {loadCallback ? (
          <div class="tabs" role="tablist" onKeyDown={this.onTabKey}>
            {tabs.map(([name, label]) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`fd-tab-${name}`}
                class="tab"
                aria-selected={tab === name ? 'true' : 'false'}
                aria-controls={`fd-panel-${name}`}
                tabIndex={tab === name ? 0 : -1}
                onClick={() => this.showTab(name)}
              >
                {label}
              </button>
            ))}
          </div>
        ) : null}
        <div
          class="body"
          id={`fd-panel-${tab}`}
          {...(loadCallback ? { role: 'tabpanel', 'aria-labelledby': `fd-tab-${tab}` } : {})}
        >
          {tab === 'chat' ? this.renderChat() : callback ? callback() : <p class="hint">…</p>}
        </div>
        {brandHidden ? null : (
          <BrandLine poweredBy={texts.core.poweredBy} href={this.props.brandHref} />
        )}
      </>
    );
  }
}
