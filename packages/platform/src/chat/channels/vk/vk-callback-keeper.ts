/**
 * Callback API mode of one community, kept by its lease holder (kept-webhook.ts): the platform's
 * route (WEBHOOK_URL, https) is added as the community's callback server with a new secret key —
 * stored first under the fence, so that the route (vk-callback.ts) checks every event against
 * it — and VK confirms it at once by asking the route for the confirmation code; then
 * message_new is turned on for it (groups.setCallbackSettings). Every third of the lease the
 * server is read back (groups.getCallbackServers): gone or unconfirmed, it is set again; a token
 * VK no longer takes (error 5) shows in the Studio's status.
 */
import { randomToken } from '../../random-token';
import { keepDelivery } from '../kept-webhook';
import type { HeldLease } from '../telegram/telegram-poller';
import { callVk, ownGroup, VK_API_VERSION, type VkApi } from './vk-api';

/** How long one method call may take. */
const CALL_TIMEOUT_MS = 10_000;

/** The server's title in the community's settings (VK keeps 14 characters). */
const TITLE = 'Frontdesk';

interface CallbackServer {
  id: number;
  url: string;
  status: string;
}

/** The community's callback servers. */
async function serversOf(
  api: VkApi,
  groupId: number,
  signal: AbortSignal,
): Promise<CallbackServer[]> {
  const answer = (await callVk(
    api,
    'groups.getCallbackServers',
    { group_id: groupId },
    { timeoutMs: CALL_TIMEOUT_MS, signal },
  )) as { items?: CallbackServer[] };
  return Array.isArray(answer?.items) ? answer.items : [];
}

/** One round of keeping the callback server at `url`; the failures so far after it. */
export function keepVkCallback(lease: HeldLease, url: string, failures: number): Promise<number> {
  const api = { apiUrl: lease.api.apiUrl, token: lease.api.token };
  const ours = async (signal: AbortSignal) => {
    const group = await ownGroup(api, { timeoutMs: CALL_TIMEOUT_MS, signal });
    const server = (await serversOf(api, group.id, signal)).find((s) => s.url === url);
    return { group, server };
  };
  return keepDelivery(lease, url, failures, {
    secret: randomToken,
    async set(signal, secret) {
      const call = { timeoutMs: CALL_TIMEOUT_MS, signal };
      const { group, server: before } = await ours(signal);
      const server = { group_id: group.id, url, title: TITLE, secret_key: secret };
      let serverId: number;
      if (before) {
        await callVk(api, 'groups.editCallbackServer', { ...server, server_id: before.id }, call);
        serverId = before.id;
      } else {
        const added = await callVk(api, 'groups.addCallbackServer', server, call);
        serverId = (added as { server_id: number }).server_id;
      }
      await callVk(
        api,
        'groups.setCallbackSettings',
        { group_id: group.id, server_id: serverId, api_version: VK_API_VERSION, message_new: 1 },
        call,
      );
      const { server: after } = await ours(signal);
      if (after?.status !== 'ok') {
        throw new Error(
          `VK could not confirm the callback server at ${url} (${after?.status ?? 'gone'})`,
        );
      }
    },
    async check(signal) {
      return (await ours(signal)).server?.status === 'ok';
    },
  });
}

/** Removes the community's callback server at `url` (back to long poll). @throws as callVk */
export async function removeCallbackServer(
  api: VkApi,
  url: string,
  signal: AbortSignal,
): Promise<void> {
  const group = await ownGroup(api, { timeoutMs: CALL_TIMEOUT_MS, signal });
  for (const server of await serversOf(api, group.id, signal)) {
    if (server.url !== url) continue;
    await callVk(
      api,
      'groups.deleteCallbackServer',
      { group_id: group.id, server_id: server.id },
      { timeoutMs: CALL_TIMEOUT_MS, signal },
    );
  }
}
