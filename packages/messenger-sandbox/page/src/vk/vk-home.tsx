/** VK on the home: where its API is, the communities to open a chat with, a form for a new one. */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import type { VkCommunity } from '../../../src/vk/vk-model';
import { BotList, createFromForm, ErrorLine } from '../page-parts';

export function VkHome() {
  const [communities, setCommunities] = useState<Omit<VkCommunity, 'token'>[]>();
  const [apiUrl, setApiUrl] = useState<string>();
  const [made, setMade] = useState<VkCommunity>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    request<Omit<VkCommunity, 'token'>[]>('/control/vk/communities').then(
      setCommunities,
      (failure: Error) => setError(failure.message),
    );
    request<{ apiUrl: string }>('/control/vk').then(
      (info) => setApiUrl(info.apiUrl),
      () => undefined,
    );
  }, []);
  const create = async (event: Event) => {
    setError(undefined);
    try {
      const community = await createFromForm<VkCommunity>(event, '/control/vk/communities', [
        'name',
        'screenName',
      ]);
      setMade(community);
      setCommunities((all) => [...(all ?? []), community]);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section class="card" aria-labelledby="vk-title">
      <h2 id="vk-title">VK</h2>
      {apiUrl && (
        <p>
          Point the platform at <code>VK_API_URL={apiUrl}</code>.
        </p>
      )}
      <BotList
        title="Communities"
        none="No communities yet: make one below."
        bots={communities?.map((c) => ({
          key: c.id,
          href: `/vk/${c.screenName}`,
          label: `${c.name} (${c.screenName})`,
        }))}
      />
      <h3>New community</h3>
      <form class="new-bot" onSubmit={create}>
        <label for="vk-community-name">Community name</label>
        <input id="vk-community-name" name="name" required maxLength={48} />
        <label for="vk-community-screen-name">Short name</label>
        <input
          id="vk-community-screen-name"
          name="screenName"
          required
          pattern="[A-Za-z][A-Za-z0-9_.]{2,31}"
        />
        <button class="primary" type="submit">
          Create the VK community
        </button>
      </form>
      <p role="status">
        {made && (
          <>
            {made.name} is ready. Its access token, for the Studio: <code>{made.token}</code>
          </>
        )}
      </p>
      <ErrorLine error={error} />
    </section>
  );
}
