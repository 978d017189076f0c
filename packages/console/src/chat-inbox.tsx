/**
 * The Chats screen: the conversations this operator may see, filtered to unassigned, mine or
 * all, and the opened one beside them. New conversations chime, show a desktop notification
 * when allowed, and are announced to screen readers.
 */
import type { ConversationSummary } from '@frontdesk/config';
import type { StaffUser } from '@frontdesk/staff';
import { useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { ChannelBadge } from './channel-badge';
import { useChatInbox } from './chat-connection';
import { type InboxFilter, matchesFilter, sortConversations, visitorName } from './chat-store';
import { ConversationView } from './conversation-view';
import { askForNotifications, canAskForNotifications, chime, desktopNotify } from './notify';

const FILTERS: { filter: InboxFilter; label: string }[] = [
  { filter: 'unassigned', label: 'Unassigned' },
  { filter: 'mine', label: 'Mine' },
  { filter: 'all', label: 'All' },
];

/** One line of the list's last-message preview: who wrote (unless the visitor) and the text. */
function preview(conversation: ConversationSummary): string {
  const last = conversation.lastMessage;
  if (!last) return 'No messages yet';
  const who =
    last.author === 'operator'
      ? `${last.operator?.name ?? 'Operator'}: `
      : last.author === 'auto'
        ? 'Auto-reply: '
        : '';
  return who + last.text;
}

function ConversationRow({
  conversation,
  selected,
  select,
}: {
  conversation: ConversationSummary;
  selected: boolean;
  select: () => void;
}) {
  const { visitor } = conversation;
  return (
    <li>
      <button
        type="button"
        class="conversation-row"
        aria-current={selected ? 'true' : undefined}
        data-conversation-id={conversation.id}
        data-status={conversation.status}
        onClick={select}
      >
        <span class="row-top">
          <span class={visitor.online ? 'dot dot-online' : 'dot'} aria-hidden="true" />
          <span class="visitor-name">{visitorName(visitor)}</span>
          <span class="visually-hidden">{visitor.online ? ', online' : ', offline'}</span>
          {conversation.unanswered > 0 && (
            <span class="badge">
              {conversation.unanswered}
              <span class="visually-hidden"> unanswered</span>
            </span>
          )}
        </span>
        <span class="row-widget">
          <ChannelBadge channel={conversation.channel} /> · {conversation.widget.name}
          {conversation.status === 'closed' ? ' · closed' : ''}
        </span>
        <span class="row-preview">{preview(conversation)}</span>
      </button>
    </li>
  );
}

/** The Chats screen; see the module comment. */
export function ChatInbox({
  socket,
  user,
  announce,
}: {
  socket: Socket;
  user: StaffUser;
  announce: (text: string) => void;
}) {
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [canAsk, setCanAsk] = useState(canAskForNotifications);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const select = (id: string) => {
    setSelected(id);
    setError(null);
    inbox.open(id).catch((e: Error) => setError(e.message));
  };
  const inbox = useChatInbox(socket, (conversation) => {
    const who = visitorName(conversation.visitor);
    chime();
    announce(`New chat from ${who} on ${conversation.widget.name}`);
    desktopNotify(
      `New chat: ${who}`,
      conversation.lastMessage?.text ?? conversation.widget.name,
      () => select(conversation.id),
    );
  });

  const all = sortConversations(inbox.state.conversations.values());
  const shown = all.filter((c) => matchesFilter(c, filter, user.id));
  const current = selected ? inbox.state.conversations.get(selected) : undefined;
  const thread = selected ? inbox.state.threads.get(selected) : undefined;

  return (
    <section class="inbox" aria-labelledby="chats-title">
      <div class="inbox-list">
        <h2 id="chats-title" ref={headingRef} tabIndex={-1}>
          Chats
        </h2>
        {canAsk && (
          <button
            type="button"
            onClick={() =>
              askForNotifications().finally(() => {
                // The button goes once answered: keep the keyboard in the screen, not on <body>.
                headingRef.current?.focus();
                setCanAsk(canAskForNotifications());
              })
            }
          >
            Turn on notifications
          </button>
        )}
        <fieldset class="filters">
          <legend class="visually-hidden">Show chats</legend>
          {FILTERS.map(({ filter: f, label }) => (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f ? 'true' : 'false'}
              onClick={() => setFilter(f)}
            >
              {label} ({all.filter((c) => matchesFilter(c, f, user.id)).length})
            </button>
          ))}
        </fieldset>
        {shown.length === 0 ? (
          <p class="empty">No chats here. New ones appear here and chime.</p>
        ) : (
          <ul class="conversations" aria-label="Conversations">
            {shown.map((conversation) => (
              <ConversationRow
                key={conversation.id}
                conversation={conversation}
                selected={conversation.id === selected}
                select={() => select(conversation.id)}
              />
            ))}
          </ul>
        )}
      </div>
      <div class="inbox-conversation">
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {current && thread ? (
          // Keyed: a draft, a pending question or the typing signal never follows to another chat.
          <ConversationView key={current.id} conversation={current} thread={thread} inbox={inbox} />
        ) : (
          <p class="empty">{selected && !error ? 'Opening…' : 'Pick a chat to answer it.'}</p>
        )}
      </div>
    </section>
  );
}
