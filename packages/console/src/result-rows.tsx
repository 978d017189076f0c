/**
 * Lists of chats and orders found outside the inbox (search, Missed): one heading each, its rows
 * live from the inbox and the order list where those hold them, each linked into the route.
 */
import type { CallbackOrder, ConversationSummary } from '@frontdesk/config';
import type { ComponentChild } from 'preact';
import { ConversationRow } from './chat-list-item';
import { OrderRow } from './order-list-item';
import { type Route, routeHref } from './route';

/** What rows of found chats and orders need from the console. */
export interface ResultRowsContext {
  route: Route;
  userId: string;
  conversations: ReadonlyMap<string, ConversationSummary>;
  orders: ReadonlyMap<string, CallbackOrder>;
  unreadOf: (conversation: ConversationSummary) => number;
  now: number;
}

/** A heading `title (count)` and its rows, or `empty` when there are none. */
export function RowSection<T extends { id: string }>({
  id,
  title,
  empty,
  items,
  row,
}: {
  id: string;
  title: string;
  empty: string;
  items: readonly T[];
  row: (item: T) => ComponentChild;
}) {
  return (
    <>
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="rows" aria-labelledby={id}>
          {items.map(row)}
        </ul>
      )}
    </>
  );
}

const isOpen = (route: Route, kind: 'chat' | 'order', id: string) =>
  route.open?.kind === kind && route.open.id === id;

/** The row of a found chat, live from the inbox when it holds it. */
export const chatResultRow =
  ({ route, userId, conversations, unreadOf }: ResultRowsContext) =>
  (result: ConversationSummary) => {
    const conversation = conversations.get(result.id) ?? result;
    return (
      <ConversationRow
        key={result.id}
        conversation={conversation}
        unread={unreadOf(conversation)}
        href={routeHref({ ...route, open: { kind: 'chat', id: result.id } })}
        selected={isOpen(route, 'chat', result.id)}
        userId={userId}
      />
    );
  };

/** The row of a found order, live from the order list when it holds it. */
export const orderResultRow =
  ({ route, orders, now }: ResultRowsContext) =>
  (result: CallbackOrder) => (
    <OrderRow
      key={result.id}
      order={orders.get(result.id) ?? result}
      now={now}
      href={routeHref({ ...route, open: { kind: 'order', id: result.id } })}
      selected={isOpen(route, 'order', result.id)}
    />
  );
