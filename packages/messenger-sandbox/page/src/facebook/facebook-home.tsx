/** Facebook on the home: the Graph API and app, the pages to write to, a form for a new page. */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import type { FacebookPage } from '../../../src/facebook/facebook-model';
import { BotList, ErrorLine } from '../page-parts';

type Info = { graphUrl: string; appId: string; callbackUrl: string | null };

export function FacebookHome() {
  const [pages, setPages] = useState<FacebookPage[]>();
  const [info, setInfo] = useState<Info>();
  const [made, setMade] = useState<FacebookPage>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request<FacebookPage[]>('/control/facebook/pages').then(setPages, (f: Error) =>
      setError(f.message),
    );
    request<Info>('/control/facebook').then(setInfo, () => undefined);
  }, []);
  const create = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    try {
      const page = await request<FacebookPage>('/control/facebook/pages', {
        method: 'POST',
        body: {
          name: String(fields.get('name') ?? '').trim(),
          username: String(fields.get('username') ?? '').trim(),
        },
      });
      setMade(page);
      setPages((pages) => [...(pages ?? []), page]);
      form.reset();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section class="card" aria-labelledby="facebook-title">
      <h2 id="facebook-title">Facebook Messenger</h2>
      {info && (
        <p>
          <code>FACEBOOK_GRAPH_URL={info.graphUrl}</code>, app {info.appId}; its webhook:{' '}
          {info.callbackUrl ?? 'not set yet'}.
        </p>
      )}
      <BotList
        title="Pages"
        none="No pages yet: make one below."
        bots={pages?.map((page) => ({
          key: page.id,
          href: `/facebook/${page.username}`,
          label: `${page.name} (page ${page.id})`,
        }))}
      />
      <form class="new-bot" onSubmit={create}>
        <label for="facebook-page-name">Page name</label>
        <input id="facebook-page-name" name="name" required maxLength={75} />
        <label for="facebook-page-username">Page username</label>
        <input id="facebook-page-username" name="username" required pattern="[A-Za-z0-9.]{5,50}" />
        <button class="primary" type="submit">
          Create the page
        </button>
      </form>
      <p role="status">
        {made && (
          <>
            Page {made.id} is ready. Its Page access token, for the Studio:{' '}
            <code>{made.token}</code>
          </>
        )}
      </p>
      <ErrorLine error={error} />
    </section>
  );
}
