/**
 * The opened chat: header (the operator's name and photo where the settings allow, while
 * someone can answer; the "nobody available" texts in working time when nobody can), the tabs
 * (chat, and the callback form when the channel is on), the message log with typing and read
 * states, the rating after a closed chat, the contact form while nobody can answer and the
 * visitor has written (its own chunk), the composer, the messenger buttons and the brand line;
 * this component keeps their state and scrolls the log. A class component: Preact's hooks
 * would cost the opened widget's budget a kilobyte.
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
import { ChatComposer } from './chat-composer';
import { ChatHeader } from './chat-header';
import { ChatLog } from './chat-log';
import type { Texts } from './chat-messages';
import { RatingPart } from './chat-rating';
import type { ChatSession, ChatState } from './chat-state';
import { type ChatTab, ChatTabs } from './chat-tabs';
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
  tab: ChatTab;
  draft: string;
  consent: boolean;
  /** The callback tab's content, once loaded. */
  callback?: (() => ComponentChild) | undefined;
  /** The contact form's mount, once loaded. */
  mountContact?: MountContactForm | undefined;
  alert: string;
}

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

  private showTab(tab: ChatTab) {
    this.setState({ tab });
    const { loadCallback, lead } = this.props;
    if (tab === 'callback' && loadCallback && !this.state.callback) {
      loadCallback(lead === true).then(
        (callback) => this.setState({ callback }),
        (error: unknown) => this.fail(error),
      );
    }
  }

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

  private handoff(channel: Messenger) {
    this.setState({ alert: '' });
    openHandoff(
      channel,
      this.props.session.handoff,
      this.props.openUrl,
      this.props.config.channels.linkBase,
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
    return (
      <>
        <ChatLog chat={chat} texts={m} core={texts.core} time={this.time} logRef={this.logRef} />
        {conversation?.status === 'closed' && conversation.ratingOffered ? (
          <RatingPart rating={conversation.rating} texts={m} onRate={(r) => this.rate(r)} />
        ) : null}
        {this.offersContact() ? <div ref={this.contactRef} /> : null}
        <p class="alert" role="alert">
          {this.state.alert}
        </p>
        <ChatComposer
          texts={m}
          draft={draft}
          consentText={config.consent.required ? this.consentText() : undefined}
          consent={this.state.consent}
          canSend={this.canSend()}
          inputRef={this.inputRef}
          onDraft={(value) => {
            this.setState({ draft: value });
            this.props.session.typing();
          }}
          onConsent={(consent) => this.setState({ consent })}
          onSend={(text) => this.send(text)}
        />
        <MessengerButtons
          channels={config.channels}
          texts={m}
          onIntent={this.props.session.start}
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
    return (
      <>
        <ChatHeader
          title={textIn(look.title, lang)}
          text={textIn(look.text, lang)}
          variant={working ? (online ? 'working' : 'nobody') : 'non-working'}
          operator={online ? this.operator() : {}}
        />
        {loadCallback ? (
          <ChatTabs tab={tab} texts={m} onShow={(name) => this.showTab(name)} />
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
