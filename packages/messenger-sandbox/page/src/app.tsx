/**
 * The sandbox's page: the home lists each messenger's bots; `/telegram/<bot>` is the chat with
 * that bot, where a person plays the customer (`?start=<payload>` is a deep link).
 */
import { TelegramChat } from './telegram/telegram-chat';
import { TelegramHome } from './telegram/telegram-home';

/** Where the page is: the chat a path names, or the home. */
export function route(pathname: string, search: string) {
  const chat = /^\/telegram\/([A-Za-z0-9_]+)\/?$/.exec(pathname);
  if (!chat?.[1]) return { page: 'home' as const };
  const start = new URLSearchParams(search).get('start');
  return { page: 'telegram-chat' as const, bot: chat[1], ...(start ? { start } : {}) };
}

export function App() {
  const where = route(location.pathname, location.search);
  return (
    <div class="shell">
      <header>
        <a class="brand" href="/">
          Messenger sandbox
        </a>
        <p class="who">
          For development and tests: it stands in for the messengers, never use it in production.
        </p>
      </header>
      <main>
        {where.page === 'telegram-chat' ? (
          <TelegramChat bot={where.bot} start={where.start} />
        ) : (
          <>
            <h1>Messenger sandbox</h1>
            <p>Play the customer: pick a bot and write to it as your platform's customers would.</p>
            <TelegramHome />
          </>
        )}
      </main>
    </div>
  );
}
