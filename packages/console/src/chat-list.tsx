/**
 * The chats list: the conversations this operator may see, filtered to those nobody took yet,
 * those they took, or all, and to one channel or every one (the filters are in the URL), open
 * ones first, latest activity first.
 */
import type { ChatChannel, ConversationSummary } from '@frontdesk/config';
import { CHAT_CHANNELS } from './channel-badge';
import { ConversationRow } from './chat-list-item';
import { type InboxFilter, matchesFilter, sortConversations } from './chat-store';
import { useConsoleTexts } from './i18n/console-texts';
import { navigate, type Route, routeHref } from './route';

const FILTERS: readonly InboxFilter[] = ['unassigned', 'mine', 'all'];

/** The chats list under `route`; `unreadOf` counts a conversation's unread messages. */
export function ChatList({
  conversations,
  route,
  userId,
  unreadOf,
}: {
  conversations: Iterable<ConversationSummary>;
  route: Route;
  userId: string;
  unreadOf: (conversation: ConversationSummary) => number;
}) {
  const t = useConsoleTexts();
  const all = sortConversations(conversations).filter(
    (c) => route.channel === null || c.channel === route.channel,
  );
  const shown = all.filter((c) => matchesFilter(c, route.chats, userId));
  return (
    <div class="inbox">
      <fieldset class="filters">
        <legend class="visually-hidden">{t.chats.show}</legend>
        {FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            aria-pressed={route.chats === filter ? 'true' : 'false'}
            onClick={() => navigate({ ...route, chats: filter })}
          >
            {t.chats.filters[filter]} ({all.filter((c) => matchesFilter(c, filter, userId)).length})
          </button>
        ))}
      </fieldset>
      <div class="channel-filter">
        <label for="chats-channel">{t.chats.channel}</label>
        <select
          id="chats-channel"
          value={route.channel ?? ''}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            navigate({ ...route, channel: value ? (value as ChatChannel) : null });
          }}
        >
          <option value="">{t.chats.everyChannel}</option>
          {CHAT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t.channels[channel]}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p class="empty">{t.chats.empty}</p>
      ) : (
        <ul class="rows" aria-label={t.chats.list}>
          {shown.map((conversation) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              unread={unreadOf(conversation)}
              href={routeHref({ ...route, open: { kind: 'chat', id: conversation.id } })}
              selected={route.open?.kind === 'chat' && route.open.id === conversation.id}
              userId={userId}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
