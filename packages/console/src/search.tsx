/**
 * Search across conversations (the visitor's name, phone and e-mail, any message's text) and
 * orders (the visitor's name and phone): the box above every list, and the results as a list of
 * their own whose words are in the URL (`#/search?q=…`), so a reload or a shared link finds
 * them again.
 */
import type { CallbackOrder, ConversationSummary, SearchResults } from '@frontdesk/config';
import { useErrorText } from '@frontdesk/staff';
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { search } from './api';
import { useConsoleTexts } from './i18n/console-texts';
import { chatResultRow, orderResultRow, RowSection } from './result-rows';
import { navigate, type Route } from './route';

/** The fewest characters the platform searches for. */
const MIN_LENGTH = 2;

/** The search box; submitting it shows the results list. */
export function SearchForm({ route, inputRef }: { route: Route; inputRef: Ref<HTMLInputElement> }) {
  const t = useConsoleTexts().search;
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
            setHint(t.atLeast(MIN_LENGTH));
            return;
          }
          setHint(null);
          navigate({ ...route, section: 'search', q });
        }}
      >
        <label for="search-q" class="visually-hidden">
          {t.label}
        </label>
        <input
          id="search-q"
          ref={inputRef}
          type="search"
          value={text}
          placeholder={t.placeholder}
          aria-keyshortcuts="Alt+Shift+F"
          aria-describedby={hint ? 'search-hint' : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit">{t.submit}</button>
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
  const t = useConsoleTexts().search;
  const sayError = useErrorText();
  // The announcement comes long after a render: it reads the texts as they are then.
  const textsRef = useRef(t);
  textsRef.current = t;
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
        announce(textsRef.current.found(results.conversations.length, results.orders.length));
      },
      (e: Error) => {
        if (current) setError(sayError(e));
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
  if (!found) return <p class="empty">{q ? t.searching : t.typeAbove}</p>;
  const rows = { route, userId, conversations, orders, unreadOf, now };
  return (
    <div class="search-results">
      <RowSection
        id="found-chats"
        title={t.chats}
        empty={t.noChats}
        items={found.conversations}
        row={chatResultRow(rows)}
      />
      <RowSection
        id="found-orders"
        title={t.orders}
        empty={t.noOrders}
        items={found.orders}
        row={orderResultRow(rows)}
      />
    </div>
  );
}
