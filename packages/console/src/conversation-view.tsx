/**
 * One conversation as the operator works it: who the visitor is (page, local time, contact card,
 * past enquiries), the message log, the visitor's typing, the composer and closing the chat.
 * Every visitor- or operator-supplied string is rendered as text.
 */
import type { ChatMessage, ConversationSummary } from '@frontdesk/config';
import { linkify, safeHref } from '@frontdesk/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CHANNEL_NAMES, ChannelBadge } from './channel-badge';
import type { InboxConnection } from './chat-connection';
import { type PendingMessage, type Thread, visitorName } from './chat-store';
import { typingSignal } from './typing-signal';
import { visitorLocalTime } from './visitor-time';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The real clock, one function for the life of the page (the redraw effect depends on it). */
const systemClock = () => new Date();

/** How often the visitor's local time is redrawn. */
const CLOCK_TICK = 30_000;

const RATING_TEXT = {
  excellent: 'Excellent',
  good: 'Good',
  satisfactory: 'Satisfactory',
  poor: 'Poor',
} as const;

/** What the operator sees as a message's author. */
function authorName(message: ChatMessage, visitor: string): string {
  if (message.author === 'visitor') return visitor;
  if (message.author === 'operator') return message.operator?.name ?? 'Operator';
  return message.author === 'auto' ? 'Auto-reply' : 'Frontdesk';
}

/** Where a reply to a messenger stands: on its way, delivered, or failed with the reason. */
function DeliveryReceipt({ message }: { message: ChatMessage }) {
  const { delivery, channel } = message;
  if (!delivery || !channel) return null;
  const name = CHANNEL_NAMES[channel];
  if (delivery.status === 'failed') {
    return (
      <span class="receipt error">
        {' '}
        · not delivered to {name}
        {delivery.error ? `: ${delivery.error}` : ''}
      </span>
    );
  }
  return (
    <span class="receipt">
      {' '}
      · {delivery.status === 'sent' ? `delivered to ${name}` : `sending to ${name}…`}
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
  return (
    <div
      class={`message message-${message.author}`}
      data-seq={message.seq}
      data-delivery={message.delivery?.status}
    >
      <p class="meta">
        <span class="author">{authorName(message, visitor)}</span>{' '}
        <time dateTime={message.at}>{clock.format(new Date(message.at))}</time>
        {message.author === 'visitor' && message.channel && (
          <span class="via"> · via {CHANNEL_NAMES[message.channel]}</span>
        )}
        {message.delivery ? (
          <DeliveryReceipt message={message} />
        ) : (
          message.author === 'operator' && (
            <span class="receipt"> · {readByVisitor ? 'read' : 'sent'}</span>
          )
        )}
      </p>
      <p class="text">{linkify(message.text)}</p>
    </div>
  );
}

function Pending({ message, retry }: { message: PendingMessage; retry: () => void }) {
  return (
    <div class="message message-operator" data-client-id={message.clientId}>
      <p class="meta">
        <span class="author">You</span>{' '}
        {message.state === 'sending' ? (
          <span class="receipt">· sending…</span>
        ) : (
          <>
            <span class="receipt error">· not sent{message.error ? `: ${message.error}` : ''}</span>{' '}
            <button type="button" class="link" onClick={retry}>
              Retry
            </button>
          </>
        )}
      </p>
      <p class="text">{linkify(message.text)}</p>
    </div>
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
  const ref = useRef<HTMLDivElement>(null);
  // Follows new messages only while the operator is at the bottom, not while reading back.
  const pinned = useRef(true);
  const visitor = visitorName(conversation.visitor);
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
      aria-label={`Messages with ${visitor}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus, so keyboard users can scroll it
      tabIndex={0}
      onScroll={(event) => {
        const log = event.currentTarget;
        pinned.current = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      }}
    >
      {count === 0 && <p class="empty">No messages yet.</p>}
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
        Send
      </button>
    </form>
  );
}

/** "Close chat" with an inline confirmation (a native confirm() would block the whole console). */
function CloseChat({ close }: { close: () => Promise<void> }) {
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
        Close chat
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>Close this chat? The visitor is offered the rating.</legend>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button
        type="button"
        class="primary"
        onClick={() => close().catch((e: Error) => setError(e.message))}
      >
        Yes, close chat
      </button>{' '}
      <button type="button" ref={cancelRef} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}

/** The customer as each messenger knows them. */
function Peers({ thread }: { thread: Thread }) {
  if (thread.peers.length === 0) return null;
  return (
    <dl class="peers">
      {thread.peers.map((peer) => (
        <div key={peer.channel}>
          <dt>
            <ChannelBadge channel={peer.channel} />
          </dt>
          <dd data-peer={peer.channel}>
            {peer.name}
            {peer.username ? ` (@${peer.username})` : ''}
            {peer.phone ? `, ${peer.phone}` : ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ContactCard({ thread }: { thread: Thread }) {
  const contact = thread.contact;
  return (
    <section class="contact" aria-labelledby="contact-title">
      <h4 id="contact-title">Contact</h4>
      <Peers thread={thread} />
      {contact && (contact.name || contact.phone || contact.email) ? (
        <dl>
          {contact.name && (
            <>
              <dt>Name</dt>
              <dd>{contact.name}</dd>
            </>
          )}
          {contact.phone && (
            <>
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${encodeURIComponent(contact.phone)}`}>{contact.phone}</a>
              </dd>
            </>
          )}
          {contact.email && (
            <>
              <dt>E-mail</dt>
              <dd>
                <a href={`mailto:${encodeURIComponent(contact.email)}`}>{contact.email}</a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>No contact details given.</p>
      )}
      <h4>Past enquiries</h4>
      {thread.pastEnquiries.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="past">
          {thread.pastEnquiries.map((past) => (
            <li key={past.id}>
              {day.format(new Date(past.startedAt))}, {past.widget.name}
              {past.rating ? `, rated ${RATING_TEXT[past.rating]}` : ''}
              {past.lastMessage ? `: ${past.lastMessage.text}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The visitor's page (as a link only when it is http or https) and local time. */
function VisitorFacts({ conversation, now }: { conversation: ConversationSummary; now: Date }) {
  const { page, timeZone } = conversation.visitor;
  const href = page ? safeHref(page.url) : undefined;
  const local = visitorLocalTime(timeZone, now);
  return (
    <dl class="visitor-facts">
      <dt>Page</dt>
      <dd data-field="page">
        {!page ? (
          'unknown'
        ) : href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {page.title || page.url}
          </a>
        ) : (
          page.title || page.url
        )}
      </dd>
      <dt>Visitor's local time</dt>
      <dd data-field="local-time">{local ? `${local} (${timeZone})` : 'unknown'}</dd>
      <dt>Status</dt>
      <dd>
        {conversation.status === 'closed'
          ? `Closed${conversation.rating ? `, rated ${RATING_TEXT[conversation.rating]}` : ''}`
          : conversation.assignee
            ? `Taken by ${conversation.assignee.name}`
            : 'Unassigned: the first reply takes it'}
      </dd>
    </dl>
  );
}

/** The conversation screen; see the module comment. `now` is the clock (injectable for tests). */
export function ConversationView({
  conversation,
  thread,
  inbox,
  now = systemClock,
}: {
  conversation: ConversationSummary;
  thread: Thread;
  inbox: Pick<InboxConnection, 'send' | 'retry' | 'typing' | 'markRead' | 'close'>;
  now?: () => Date;
}) {
  const id = conversation.id;
  const visitor = visitorName(conversation.visitor);
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

  return (
    <article class="conversation" aria-labelledby="conversation-title" data-conversation-id={id}>
      <header>
        <h3 id="conversation-title" ref={headingRef} tabIndex={-1}>
          {visitor} <span class="widget-name">· {conversation.widget.name}</span>
        </h3>
        <p class="conversation-channel">
          Writes from <ChannelBadge channel={conversation.channel} />
        </p>
        <VisitorFacts conversation={conversation} now={time} />
        {open && <CloseChat close={() => inbox.close(id)} />}
      </header>
      <MessageLog
        conversation={conversation}
        thread={thread}
        retry={(clientId) => inbox.retry(id, clientId)}
      />
      <p class="typing" role="status">
        {thread.visitorTyping ? `${visitor} is typing…` : ''}
      </p>
      {open ? (
        <Composer
          label={`Reply to ${visitor}`}
          textareaRef={textareaRef}
          send={(text) => inbox.send(id, text)}
          typing={typing}
        />
      ) : (
        <p>This chat is closed.</p>
      )}
      <ContactCard thread={thread} />
    </article>
  );
}
