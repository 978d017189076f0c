/**
 * The opened chat: header (the operator's name and photo where the settings allow, while
 * someone can answer; the "nobody available" texts in working time when nobody can), the tabs
 * (chat, and the callback form when the channel is on), the message log (`role="log"`: new
 * messages are announced politely), typing and read states, the rating after a closed chat,
 * the contact form while nobody can answer and the visitor has written (its own chunk), the
 * messenger buttons, the composer (Enter sends, Shift+Enter breaks the line; Send waits for
 * the consent tick where the config asks) and the brand line. A class component: Preact's
 * hooks would cost the opened widget's budget a kilobyte.
 */
import type { ChatRating, Messenger, Presence, PublicChatConfig } from '@frontdesk/config';
import { textIn } from '@frontdesk/config';
import {
  BrandLine,
  errorText,
  type Locale,
  PlatformError,
  safeHref,
  type Variant,
} from '@frontdesk/core';
import { Component, type ComponentChild, createRef } from 'preact';
import { Bubble, UnsentBubble } from './chat-bubble';
import { ChatHeader } from './chat-header';
import type { Texts } from './chat-messages';
import { RatingPart } from './chat-rating';
import type { ChatSession, ChatState } from './chat-state';
import type { ContactForm, ContactFormProps, MountContactForm } from './contact-form';
import { openHandoff } from './handoff';
import { MessengerButtons } from './messenger-buttons';

/** Props of {@link ChatWidget}. */
export interface ChatWidgetProps {
  config: PublicChatConfig;
  /** The variant when the window opened (the platform's `welcome` has the last word). */
  variant: Variant;
  /** Who can answer, as the platform said before the session's `welcome` (which then rules). */
  presence: Presence;
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
  /** The contact form offered while nobody can answer, loaded when first offered. */
  loadContactForm?: (() => Promise<MountContactForm>) | undefined;
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
  /** The contact form's mount, once loaded. */
  mountContact?: MountContactForm | undefined;
  alert: string;
}

const LOG_ID = 'fd-chat-log';
const INPUT_ID = 'fd-chat-input';

/** The chat's content, inside its dialog; see the module comment. */
export class ChatWidget extends Component<ChatWidgetProps, WidgetState> {
  private readonly logRef = createRef<HTMLDivElement>();
  private readonly inputRef = createRef<HTMLTextAreaElement>();
  private stop = () => {};
  private readonly contactRef = createRef<HTMLDivElement>();
  /** The contact form and the node it is mounted in, while it shows. */
  private contact?: { root: HTMLElement; form: ContactForm } | undefined;
  private contactLoading = false;
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
    if (this.props.loadContactForm && this.offersContact() && !this.contactLoading) {
      this.contactLoading = true;
      this.props.loadContactForm().then(
        (mountContact) => this.setState({ mountContact }),
        (error: unknown) => this.fail(error),
      );
    }
    this.showContact();
  }

  /** The contact form in its node (a new one whenever the node is new), with props now. */
  private showContact() {
    const root = this.contactRef.current;
    const { mountContact, chat, consent } = this.state;
    if (!root || !mountContact) return;
    const { texts, config, session } = this.props;
    const props: ContactFormProps = {
      session,
      contact: chat.contact,
      consent: config.consent,
      consented: consent,
      consentText: this.consentText(),
      errorText: (code) => errorText(texts.core, code),
    };
    if (this.contact?.root === root) this.contact.form.update(props);
    else this.contact = { root, form: mountContact(root, props) };
  }

  /** The consent checkbox's wording: the marketer's in the widget's language, else built-in. */
  private consentText(): string {
    const { config, lang, texts } = this.props;
    return textIn(config.consent.text, lang) || texts.chat.consent;
  }

  /** Who can answer: the session's word once it has one. */
  private presence(): Presence {
    return this.state.chat.presence ?? this.props.presence;
  }

  /** Nobody can answer, and the visitor wrote in the open conversation: how to answer later? */
  private offersContact(): boolean {
    const { chat } = this.state;
    const id = chat.conversation?.id;
    const wrote =
      chat.pending.length > 0 ||
      chat.messages.some((m) => m.author === 'visitor' && m.conversationId === id);
    return this.presence() !== 'online' && chat.conversation?.status !== 'closed' && wrote;
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
    openHandoff(
      channel,
      this.props.session.handoff,
      this.props.openUrl,
      this.props.config.channels.telegram?.linkBase,
    ).catch((error) => this.fail(error));
  }

  private rate(rating: ChatRating) {
    this.props.session.rate(rating).then(
      // The marks give way to the thanks: focus goes on to the composer, not to nowhere.
      () => this.inputRef.current?.focus(),
      (error) => this.fail(error),
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
          {chat.messages.map((message) => (
            <Bubble
              key={message.id}
              message={message}
              conversation={conversation}
              texts={m}
              time={this.time}
            />
          ))}
          {chat.pending.map((message) => (
            <UnsentBubble
              key={message.clientId}
              text={message.text}
              you={m.you}
              meta={offline ? m.waiting : m.sending}
            />
          ))}
          {chat.failed.map((message) => (
            <UnsentBubble
              key={message.clientId}
              text={message.text}
              you={m.you}
              meta={`${m.notSent}: ${errorText(texts.core, message.code)}`}
              failed
            />
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
                : ''}
        </p>
        {conversation?.status === 'closed' && conversation.ratingOffered ? (
          <RatingPart rating={conversation.rating} texts={m} onRate={(r) => this.rate(r)} />
        ) : null}
        {this.offersContact() ? <div ref={this.contactRef} /> : null}
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
              <span>{this.consentText()}</span>
            </label>
          ) : null}
          <button type="submit" class="send" disabled={!this.canSend()}>
            {m.send}
          </button>
        </form>
        <MessengerButtons
          channels={config.channels}
          texts={m}
          onPick={(channel) => this.handoff(channel)}
        />
      </>
    );
  }

  override render() {
    const { config, texts, loadCallback, lang } = this.props;
    const m = texts.chat;
    const { chat, tab, callback } = this.state;
    const working = chat.working ?? this.props.variant === 'working';
    const online = this.presence() === 'online';
    const look = !working
      ? config.appearance.nonWorking
      : online
        ? config.appearance.working
        : config.appearance.nobody;
    const brandHidden = working ? config.brand.hidden : config.brand.nonWorkingHidden;
    const tabs: [WidgetState['tab'], string][] = [
      ['chat', m.chatTab],
      ['callback', m.callbackTab],
    ];
    return (
      <>
        <ChatHeader
          title={textIn(look.title, lang)}
          text={textIn(look.text, lang)}
          variant={working ? (online ? 'working' : 'nobody') : 'non-working'}
          operator={online ? this.operator() : {}}
        />
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
