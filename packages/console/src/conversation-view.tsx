/**
 * One conversation as the operator works it: who holds it (and how it last changed hands), the
 * message log, the visitor's typing, the reply box, handing it over and closing the chat, with its context beside it (conversation-context.tsx). The reply box
 * sits at the bottom of its pane: nothing that arrives moves it. Every visitor- or
 * operator-supplied string is rendered as text.
 */
import type { ChatMessage, ConversationSummary } from '@frontdesk/config';
import { linkify, typingSignal } from '@frontdesk/core';
import { dateLocale, useErrorText, useLanguage } from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HandOverChoice } from './api';
import { AttachmentView } from './attachment-view';
import { ChannelBadge } from './channel-badge';
import type { InboxConnection } from './chat-connection';
import { type PendingMessage, type Thread, visitorName } from './chat-store';
import { ConversationContext } from './conversation-context';
import { HandOver } from './hand-over';
import { holderText, transferText } from './holder';
import { type ConsoleTexts, consoleTexts, useConsoleTexts } from './i18n/console-texts';

/** The real clock, one function for the life of the page (the redraw effect depends on it). */
const systemClock = () => new Date();

/** How often the visitor's local time is redrawn. */
const CLOCK_TICK = 30_000;

/** What the operator sees as a message's author. */
function authorName(message: ChatMessage, visitor: string, t: ConsoleTexts['conversation']) {
  if (message.author === 'visitor') return visitor;
  if (message.author === 'operator') return message.operator?.name ?? t.operator;
  return message.author === 'auto' ? t.autoReply : t.platform;
}

/** Where a reply to a messenger stands: on its way, delivered, or failed with the reason. */
function DeliveryReceipt({ message }: { message: ChatMessage }) {
  const t = useConsoleTexts();
  const { delivery, channel } = message;
  if (!delivery || !channel) return null;
  const name = t.channels[channel];
  if (delivery.status === 'failed') {
    return (
      <span class="receipt error">
        {' '}
        · {t.conversation.notDelivered(name, delivery.error ?? null)}
      </span>
    );
  }
  return (
    <span class="receipt">
      {' '}
      ·{' '}
      {delivery.status === 'sent' ? t.conversation.delivered(name) : t.conversation.sendingTo(name)}
    </span>
  );
}

function StoredMessage({
  message,
  visitor,
  readByVisitor,
}: {
  message: ChatMessage;
  visitor: string;
  readByVisitor: boolean;
}) {
  const { language } = useLanguage();
  const t = consoleTexts[language];
  const clock = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'short' });
  return (
    <article
      class={`message message-${message.author}`}
      aria-labelledby={`message-${message.seq}-author`}
      data-seq={message.seq}
      data-delivery={message.delivery?.status}
    >
      <p class="meta">
        <span class="author" id={`message-${message.seq}-author`}>
          {authorName(message, visitor, t.conversation)}
        </span>{' '}
        <time dateTime={message.at}>{clock.format(new Date(message.at))}</time>
        {message.author === 'visitor' && message.channel && (
          <span class="via">{t.conversation.via(t.channels[message.channel])}</span>
        )}
        {message.delivery ? (
          <DeliveryReceipt message={message} />
        ) : (
          message.author === 'operator' && (
            <span class="receipt">
              {' '}
              · {readByVisitor ? t.conversation.read : t.conversation.sent}
            </span>
          )
        )}
      </p>
      <p class="text">{linkify(message.text)}</p>
      {message.attachments?.map((attachment) => (
        <AttachmentView key={attachment.id} attachment={attachment} visitor={visitor} />
      ))}
    </article>
  );
}

function Pending({ message, retry }: { message: PendingMessage; retry: () => void }) {
  const t = useConsoleTexts().conversation;
  return (
    <article
      class="message message-operator"
      aria-labelledby={`pending-${message.clientId}-author`}
      data-client-id={message.clientId}
    >
      <p class="meta">
        <span class="author" id={`pending-${message.clientId}-author`}>
          {t.you}
        </span>{' '}
        {message.state === 'sending' ? (
          <span class="receipt">{t.sending}</span>
        ) : (
          <>
            <span class="receipt error">{t.notSent(message.error ?? null)}</span>{' '}
            <button type="button" class="link" onClick={retry}>
              {t.retry}
            </button>
          </>
        )}
      </p>
      <p class="text">{linkify(message.text)}</p>
    </article>
  );
}

/** The log: stored messages by `seq`, then pending replies; kept scrolled to the newest. */
function MessageLog({
  conversation,
  thread,
  retry,
}: {
  conversation: ConversationSummary;
  thread: Thread;
  retry: (clientId: string) => void;
}) {
  const t = useConsoleTexts();
  const ref = useRef<HTMLDivElement>(null);
  // Follows new messages only while the operator is at the bottom, not while reading back.
  const pinned = useRef(true);
  const visitor = visitorName(conversation.visitor, t.unnamedVisitor);
  const count = thread.messages.length + thread.pending.length;
  useLayoutEffect(() => {
    const log = ref.current;
    if (log && pinned.current) log.scrollTop = log.scrollHeight;
  }, [count]);
  return (
    <div
      ref={ref}
      class="log"
      role="log"
      aria-label={t.conversation.log(visitor)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus, so keyboard users can scroll it
      tabIndex={0}
      onScroll={(event) => {
        const log = event.currentTarget;
        pinned.current = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      }}
    >
      {count === 0 && <p class="empty">{t.conversation.noMessages}</p>}
      {thread.messages.map((message) => (
        <StoredMessage
          key={message.seq}
          message={message}
          visitor={visitor}
          readByVisitor={message.seq <= conversation.readByVisitorSeq}
        />
      ))}
      {thread.pending.map((message) => (
        <Pending key={message.clientId} message={message} retry={() => retry(message.clientId)} />
      ))}
    </div>
  );
}

/** The reply box: Enter sends, Shift+Enter starts a new line; typing is signalled, throttled. */
function Composer({
  label,
  textareaRef,
  send,
  typing,
}: {
  label: string;
  textareaRef: { current: HTMLTextAreaElement | null };
  send: (text: string) => void;
  typing: (typing: boolean) => void;
}) {
  const t = useConsoleTexts().conversation;
  const [text, setText] = useState('');
  const signal = useMemo(() => typingSignal(typing), [typing]);
  useEffect(() => () => signal.stop(), [signal]);
  const submit = () => {
    const message = text.trim();
    if (!message) return;
    signal.stop();
    send(message);
    setText('');
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label>
        {label}
        <textarea
          ref={textareaRef}
          rows={3}
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
            signal.typed();
          }}
          onKeyDown={(event) => {
            // An IME composition's Enter picks a candidate; it is not a send.
            if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
            event.preventDefault();
            submit();
          }}
        />
      </label>
      <button type="submit" class="primary">
        {t.send}
      </button>
    </form>
  );
}

/** "Close chat" with an inline confirmation (a native confirm() would block the whole console). */
function CloseChat({ close }: { close: () => Promise<void> }) {
  const t = useConsoleTexts();
  const sayError = useErrorText();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // Focus follows the question: onto Cancel when it appears, back to "Close chat" when dismissed.
  useLayoutEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={openRef} onClick={() => setAsking(true)}>
        {t.conversation.closeChat}
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>{t.conversation.closeQuestion}</legend>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button
        type="button"
        class="primary"
        onClick={() => close().catch((e: Error) => setError(sayError(e)))}
      >
        {t.conversation.yesClose}
      </button>{' '}
      <button type="button" ref={cancelRef} onClick={() => setAsking(false)}>
        {t.cancel}
      </button>
    </fieldset>
  );
}

/** Whether `user` may hand the conversation over: its holder, anyone while nobody holds it, an admin. */
function mayHandOver(conversation: ConversationSummary, user: { id: string; role: string }) {
  return user.role === 'admin' || !conversation.assignee || conversation.assignee.id === user.id;
}

/** The conversation screen; see the module comment. `now` is the clock (injectable for tests). */
export function ConversationView({
  conversation,
  thread,
  inbox,
  user,
  handOverChoices,
  now = systemClock,
}: {
  conversation: ConversationSummary;
  thread: Thread;
  inbox: Pick<InboxConnection, 'send' | 'retry' | 'typing' | 'markRead' | 'close' | 'transfer'>;
  /** Who looks: their own conversations say so, and they may hand over what they hold. */
  user: { id: string; role: string };
  /** Whom it can be handed to (loaded when "Hand over" opens). */
  handOverChoices: () => Promise<HandOverChoice[]>;
  now?: () => Date;
}) {
  const t = useConsoleTexts();
  const id = conversation.id;
  const visitor = visitorName(conversation.visitor, t.unnamedVisitor);
  const open = conversation.status === 'open';
  const [time, setTime] = useState(now);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setTime(now());
    const tick = setInterval(() => setTime(now()), CLOCK_TICK);
    return () => clearInterval(tick);
  }, [now]);

  // Opening a conversation puts the keyboard where the work is: the reply box, or the heading
  // of a closed one; closing it moves focus off the vanished composer onto the heading.
  useLayoutEffect(() => {
    (open ? textareaRef.current : headingRef.current)?.focus();
  }, [id, open]);

  // Read while shown: report what is held whenever it grows and the tab is visible.
  const held = thread.messages.length;
  useEffect(() => {
    const read = () => {
      if (document.visibilityState === 'visible') inbox.markRead(id);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [id, held, inbox.markRead]);

  const typing = useMemo(() => (on: boolean) => inbox.typing(id, on), [id, inbox.typing]);
  const handed = transferText(conversation, t.holder);

  return (
    <article class="workspace conversation" aria-labelledby="item-title" data-conversation-id={id}>
      <div class="item-main">
        <header class="item-head">
          <h2 id="item-title" ref={headingRef} tabIndex={-1} data-focus-home="">
            {visitor} <span class="widget-name">· {conversation.widget.name}</span>
          </h2>
          <p class="conversation-channel">
            {t.conversation.writesFrom} <ChannelBadge channel={conversation.channel} />
          </p>
          {open && mayHandOver(conversation, user) && (
            <HandOver
              choices={handOverChoices}
              transfer={(to, note) => inbox.transfer(id, to, note)}
            />
          )}
          {open && <CloseChat close={() => inbox.close(id)} />}
          <p class="holding">
            <span class="holder">{holderText(conversation, user.id, t.holder)}</span>
            {handed && <span class="handed"> · {handed}</span>}
          </p>
        </header>
        <MessageLog
          conversation={conversation}
          thread={thread}
          retry={(clientId) => inbox.retry(id, clientId)}
        />
        <p class="typing" role="status">
          {thread.visitorTyping ? t.conversation.typing(visitor) : ''}
        </p>
        {open ? (
          <Composer
            label={t.conversation.reply(visitor)}
            textareaRef={textareaRef}
            send={(text) => inbox.send(id, text)}
            typing={typing}
          />
        ) : (
          <p class="closed-note">{t.conversation.closed}</p>
        )}
      </div>
      <ConversationContext conversation={conversation} thread={thread} now={time} />
    </article>
  );
}
