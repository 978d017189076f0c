/**
 * Where the operator is, in the URL's hash: the list shown (a section and its filter — for chats
 * also the channel —, or the search words) and the item open beside it —
 * `#/chats?filter=mine&channel=telegram&chat=ID`,
 * `#/orders?filter=scheduled&order=ID`, `#/search?q=volna&chat=ID`, `#/contacts?contact=ID`. A reload or a shared link
 * comes back to the same place.
 */
import type { ChatChannel } from '@frontdesk/config';
import { useEffect, useState } from 'preact/hooks';
import type { OrderFilter } from './callback-order';
import { CHAT_CHANNELS } from './channel-badge';
import type { InboxFilter } from './chat-store';

/** The lists of the console. */
export type Section = 'chats' | 'orders' | 'calls' | 'missed' | 'history' | 'contacts' | 'search';

/** The item open in the item pane. */
export interface OpenItem {
  kind: 'chat' | 'order' | 'contact';
  id: string;
}

/** A place in the console. */
export interface Route {
  section: Section;
  /** The chats' filter (the chat list's own). */
  chats: InboxFilter;
  /** The one channel whose chats the list shows; null: every channel. */
  channel: ChatChannel | null;
  /** The orders' filter (the order list's own). */
  orders: OrderFilter;
  /** The search words (the search list's own). */
  q: string;
  open: OpenItem | null;
}

const SECTIONS: readonly Section[] = [
  'chats',
  'orders',
  'calls',
  'missed',
  'history',
  'contacts',
  'search',
];
const CHAT_FILTERS: readonly InboxFilter[] = ['unassigned', 'mine', 'all'];
const ORDER_FILTERS: readonly OrderFilter[] = ['open', 'scheduled', 'closed'];

/** Where a console opens: every chat, nothing open. */
export const HOME: Route = {
  section: 'chats',
  chats: 'all',
  channel: null,
  orders: 'open',
  q: '',
  open: null,
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The route of a location hash; anything unknown falls back to {@link HOME}'s parts. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const section = oneOf(path, SECTIONS, HOME.section);
  const chat = params.get('chat');
  const order = params.get('order');
  const contact = params.get('contact');
  return {
    section,
    chats: section === 'chats' ? oneOf(params.get('filter'), CHAT_FILTERS, HOME.chats) : HOME.chats,
    channel:
      section === 'chats' && CHAT_CHANNELS.includes(params.get('channel') as ChatChannel)
        ? (params.get('channel') as ChatChannel)
        : HOME.channel,
    orders:
      section === 'orders' ? oneOf(params.get('filter'), ORDER_FILTERS, HOME.orders) : HOME.orders,
    q: section === 'search' ? (params.get('q') ?? '').trim() : '',
    open: chat
      ? { kind: 'chat', id: chat }
      : order
        ? { kind: 'order', id: order }
        : contact
          ? { kind: 'contact', id: contact }
          : null,
  };
}

/** The hash of a route: only what its section uses, the open item last. */
export function routeHref(route: Route): string {
  const params = new URLSearchParams();
  if (route.section === 'chats' && route.chats !== HOME.chats) params.set('filter', route.chats);
  if (route.section === 'chats' && route.channel) params.set('channel', route.channel);
  if (route.section === 'orders' && route.orders !== HOME.orders) {
    params.set('filter', route.orders);
  }
  if (route.section === 'search') params.set('q', route.q);
  if (route.open) params.set(route.open.kind, route.open.id);
  const query = params.toString();
  return `#/${route.section}${query ? `?${query}` : ''}`;
}

/** Where an order opens: the orders list under `filter` (open ones by default), the order beside it. */
export function orderHref(id: string, filter: OrderFilter = HOME.orders): string {
  return routeHref({ ...HOME, section: 'orders', orders: filter, open: { kind: 'order', id } });
}

/** Goes to `route` as a link would (a history entry, so Back returns). */
export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

/** The current route, following the hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}
