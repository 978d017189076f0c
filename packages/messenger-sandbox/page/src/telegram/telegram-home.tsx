/** Telegram on the home: where its API is, the bots to open a chat with, a form for a new bot. */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { BotList, ErrorLine } from '../page-parts';
import type { ListedBot, MadeBot, TelegramInfo } from './control-types';

export function TelegramHome() {
  const [bots, setBots] = useState<ListedBot[]>();
  const [info, setInfo] = useState<TelegramInfo>();
  const [made, setMade] = useState<MadeBot>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request<ListedBot[]>('/control/telegram/bots').then(setBots, (failure: Error) =>
      setError(failure.message),
    );
    request<TelegramInfo>('/control/telegram').then(setInfo, () => undefined);
  }, []);
  const create = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    const firstName = String(fields.get('firstName') ?? '').trim();
    setError(undefined);
    try {
      const bot = await request<MadeBot>('/control/telegram/bots', {
        method: 'POST',
        body: {
          username: String(fields.get('username') ?? '').trim(),
          ...(firstName ? { firstName } : {}),
        },
      });
      setMade(bot);
      setBots((bots) => [
        ...(bots ?? []),
        { id: bot.id, username: bot.username, firstName: bot.firstName },
      ]);
      form.reset();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section class="card" aria-labelledby="telegram-title">
      <h2 id="telegram-title">Telegram</h2>
      {info && (
        <p>
          Point the platform at <code>TELEGRAM_API_URL={info.apiUrl}</code>.
        </p>
      )}
      <BotList
        title="Bots"
        none="No bots yet: make one below."
        bots={bots?.map((bot) => ({
          key: bot.id,
          href: `/telegram/${bot.username}`,
          label: `${bot.firstName} (@${bot.username})`,
        }))}
      />
      <h3>New bot</h3>
      <form class="new-bot" onSubmit={create}>
        <label for="bot-username">Username</label>
        <input
          id="bot-username"
          name="username"
          required
          pattern="[A-Za-z][A-Za-z0-9_]{1,28}[Bb][Oo][Tt]"
          aria-describedby="bot-username-hint"
        />
        <p id="bot-username-hint" class="hint">
          5–32 letters, digits or _, ending in "bot", like shop_bot.
        </p>
        <label for="bot-name">Name (optional)</label>
        <input id="bot-name" name="firstName" maxLength={64} />
        <button class="primary" type="submit">
          Create the bot
        </button>
      </form>
      <p role="status">
        {made && (
          <>
            @{made.username} is ready. Its token, for the Studio: <code>{made.token}</code>
          </>
        )}
      </p>
      <ErrorLine error={error} />
    </section>
  );
}
