/** Viber on the home: where its API is, the bots to open a chat with, a form for a new bot. */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { BotList, createFromForm, ErrorLine } from '../page-parts';
import type { ListedViberBot, MadeViberBot } from './viber-types';

export function ViberHome() {
  const [bots, setBots] = useState<ListedViberBot[]>();
  const [apiUrl, setApiUrl] = useState<string>();
  const [made, setMade] = useState<MadeViberBot>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request<ListedViberBot[]>('/control/viber/bots').then(setBots, (failure: Error) =>
      setError(failure.message),
    );
    request<{ apiUrl: string }>('/control/viber').then(
      (info) => setApiUrl(info.apiUrl),
      () => undefined,
    );
  }, []);
  const create = async (event: Event) => {
    setError(undefined);
    try {
      const bot = await createFromForm<MadeViberBot>(event, '/control/viber/bots', ['name', 'uri']);
      setMade(bot);
      setBots((bots) => [...(bots ?? []), { id: bot.id, name: bot.name, uri: bot.uri }]);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section class="card" aria-labelledby="viber-title">
      <h2 id="viber-title">Viber</h2>
      {apiUrl && (
        <p>
          Point the platform at <code>VIBER_API_URL={apiUrl}</code>.
        </p>
      )}
      <BotList
        title="Bots"
        none="No bots yet: make one below."
        bots={bots?.map((bot) => ({
          key: bot.id,
          href: `/viber/${bot.uri}`,
          label: `${bot.name} (${bot.uri})`,
        }))}
      />
      <h3>New bot</h3>
      <form class="new-bot" onSubmit={create}>
        <label for="viber-bot-name">Name</label>
        <input id="viber-bot-name" name="name" required maxLength={28} />
        <label for="viber-bot-uri">Chat URI</label>
        <input id="viber-bot-uri" name="uri" required pattern="[A-Za-z0-9._\-]{3,60}" />
        <button class="primary" type="submit">
          Create the Viber bot
        </button>
      </form>
      <p role="status">
        {made && (
          <>
            {made.name} is ready. Its token, for the Studio: <code>{made.token}</code>
          </>
        )}
      </p>
      <ErrorLine error={error} />
    </section>
  );
}
