/**
 * One conversation in a list (the chats, the search results, the missed): the visitor and whether
 * they are online, the channel they write from (icon and name), the widget, who holds it, the
 * unread count and the last message. A link to the conversation, so a
 * new tab or a shared link opens it too. Every visitor-supplied string is rendered as text.
 */
import type { ConversationSummary } from '@frontdesk/config';
import { ChannelBadge } from './channel-badge';
import { visitorName } from './chat-store';
import { holderText } from './holder';
import { type ConsoleTexts, useConsoleTexts } from './i18n/console-texts';

/** One line of the last message: who wrote it (unless the visitor) and the text. */
function preview(conversation: ConversationSummary, t: ConsoleTexts['row']): string {
  const last = conversation.lastMessage;
  if (!last) return t.noMessages;
  const who =
    last.author === 'operator'
      ? `${last.operator?.name ?? t.operator}: `
      : last.author === 'auto'
        ? `${t.autoReply}: `
        : '';
  return who + last.text;
}

/** A conversation's row; `href` opens it, `selected` when it is the one open. */
export function ConversationRow({
  conversation,
  unread,
  href,
  selected,
  userId,
}: {
  conversation: ConversationSummary;
  unread: number;
  href: string;
  selected: boolean;
  /** Who looks: "You hold it" for their own. */
  userId: string;
}) {
  const t = useConsoleTexts();
  const { visitor } = conversation;
  return (
    <li>
      <a
        class="conversation-row"
        href={href}
        aria-current={selected ? 'true' : undefined}
        data-conversation-id={conversation.id}
        data-status={conversation.status}
        data-unread={unread > 0 ? '' : undefined}
      >
        <span class="row-top">
          <span class={visitor.online ? 'dot dot-online' : 'dot'} aria-hidden="true" />
          <span class="visitor-name">{visitorName(visitor, t.unnamedVisitor)}</span>
          <span class="visually-hidden">{visitor.online ? t.row.online : t.row.offline}</span>
          {unread > 0 && (
            <span class="badge">
              {unread}
              <span class="visually-hidden">{t.row.unread}</span>
            </span>
          )}
        </span>
        <span class="row-widget">
          <ChannelBadge channel={conversation.channel} /> · {conversation.widget.name}
          {conversation.status === 'closed' ? t.row.closed : ''}
          {' · '}
          <span class="holder">{holderText(conversation, userId, t.holder)}</span>
        </span>
        <span class="row-preview">{preview(conversation, t.row)}</span>
      </a>
    </li>
  );
}
