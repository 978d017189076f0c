/**
 * Search across conversations (the visitor's name, phone and e-mail, any message's text) and
 * orders (the visitor's name and phone): the box above every list, and the results as a list of
 * their own whose words are in the URL (`#/search?q=…`), so a reload or a shared link finds
 * them again.
 */
import type { CallbackOrder, ConversationSummary, SearchResults } from '@frontdesk/config';
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { search } from './api';
import { chatResultRow, orderResultRow, RowSection } from './result-rows';
import { navigate, type Route } from './route';

/** The fewest characters the platform searches for. */
const MIN_LENGTH = 2;

/** The search box; submitting it shows the results list. */
export function SearchForm({ route, inputRef }: { route: Route; inputRef: Ref<HTMLInputElement> }) {
  const [text, setText] = useState(route.q);
  const [hint, setHint] = useState<string | null>(null);
  useEffect(() => setText(route.q), [route.q]);
  return (
    <search>
      <form
        class="search"
        onSubmit={(event) => {
          event.preventDefault();
          const q = text.trim();
          if (q.length < MIN_LENGTH) {
            setHint(`Type at least ${MIN_LENGTH} characters.`);
            return;
          }
          setHint(null);
          navigate({ ...route, section: 'search', q });
        }}
      >
        <label for="search-q" class="visually-hidden">
          Search chats and orders
        </label>
        <input
          id="search-q"
          ref={inputRef}
          type="search"
          value={text}
          placeholder="Name, phone, words"
          aria-keyshortcuts="Alt+Shift+F"
          aria-describedby={hint ? 'search-hint' : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit">Search</button>
        {hint && (
          <p id="search-hint" class="error" role="alert">
            {hint}
          </p>
        )}
      </form>
    </search>
  );
}

/**
 * The results of `route.q`. What the console holds live shows as it has it (fresher, and the
 * search does not know who is online); found orders join the console's (`addOrders`).
 */
export function SearchList({
  route,
  conversations,
  orders,
  unreadOf,
  addOrders,
  announce,
  now,
  userId,
}: {
  route: Route;
  /** Who looks (whose conversations say "You hold it"). */
  userId: string;
  conversations: ReadonlyMap<string, ConversationSummary>;
  orders: ReadonlyMap<string, CallbackOrder>;
  unreadOf: (conversation: ConversationSummary) => number;
  addOrders: (orders: CallbackOrder[]) => void;
  announce: (text: string) => void;
  now: number;
}) {
  const [found, setFound] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { q } = route;
  useEffect(() => {
    setFound(null);
    setError(null);
    if (q.length < MIN_LENGTH) return;
    let current = true;
    search(q).then(
      (results) => {
        if (!current) return;
        setFound(results);
        addOrders(results.orders);
        announce(
          `Found ${results.conversations.length} chats and ${results.orders.length} orders.`,
        );
      },
      (e: Error) => {
        if (current) setError(e.message);
      },
    );
    return () => {
      current = false;
    };
  }, [q, addOrders, announce]);

  if (error) {
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  }
  if (!found) return <p class="empty">{q ? 'Searching…' : 'Type what to look for above.'}</p>;
  const rows = { route, userId, conversations, orders, unreadOf, now };
  return (
    <div class="search-results">
      <RowSection
        id="found-chats"
        title="Chats"
        empty="No chats."
        items={found.conversations}
        row={chatResultRow(rows)}
      />
      <RowSection
        id="found-orders"
        title="Orders"
        empty="No orders."
        items={found.orders}
        row={orderResultRow(rows)}
      />
    </div>
  );
}
