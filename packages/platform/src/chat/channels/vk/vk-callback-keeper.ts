/**
 * Callback API mode of one community, kept by its lease holder: the platform's route (WEBHOOK_URL,
 * https) is added as the community's callback server with a new secret key — stored first under
 * the fence, so that the route (vk-callback.ts) checks every event against it — and VK confirms
 * it at once by asking the route for the confirmation code; then message_new is turned on for it
 * (groups.setCallbackSettings). Every third of the lease the lease is renewed and the server read
 * back (groups.getCallbackServers): gone or unconfirmed, it is set again; a token VK no longer
 * takes (error 5) shows in the Studio's status.
 */
import { randomToken } from '../../random-token';
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

async function serversOf(
  api: VkApi,
  groupId: number,
  signal: AbortSignal,
): Promise<CallbackServer[]> {
  const answer = (await callVk(
    api,
    'groups.getCallbackServers',
    { group_id: groupId },
    {
      timeoutMs: CALL_TIMEOUT_MS,
      signal,
    },
  )) as { items?: CallbackServer[] };
  return Array.isArray(answer?.items) ? answer.items : [];
}

/** One round of keeping the callback server at `url`; the failures so far after it. */
export async function keepVkCallback(
  lease: HeldLease,
  url: string,
  failures: number,
): Promise<number> {
  const { credential, fence, signal } = lease;
  if (!(await lease.renew())) return 0;
  const api = { apiUrl: lease.api.apiUrl, token: lease.api.token };
  const call = { timeoutMs: CALL_TIMEOUT_MS, signal };
  try {
    const group = await ownGroup(api, call);
    const ours = (await serversOf(api, group.id, signal)).find((server) => server.url === url);
    if (lease.webhookUrl !== url || !ours || ours.status !== 'ok') {
      const secret = randomToken();
      if (
        !(await lease.store.channels.leases.setWebhook({
          credential,
          fence,
          webhook: { url, secret },
        }))
      ) {
        return lease.lose();
      }
      const server = { group_id: group.id, url, title: TITLE, secret_key: secret };
      let serverId: number;
      if (ours) {
        await callVk(api, 'groups.editCallbackServer', { ...server, server_id: ours.id }, call);
        serverId = ours.id;
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
      const now = (await serversOf(api, group.id, signal)).find((s) => s.id === serverId);
      if (now?.status !== 'ok') {
        throw new Error(
          `VK could not confirm the callback server at ${url} (${now?.status ?? 'gone'})`,
        );
      }
      lease.webhookUrl = url;
      lease.emit({ type: 'webhook', credential, url });
    }
    await lease.note(null);
  } catch (error) {
    if (signal.aborted) return failures;
    return lease.failed(error, failures);
  }
  await lease.waitOnClock(lease.tuning.leaseMs / 3);
  return 0;
}

/** Removes the community's callback server at `url` (back to long poll). @throws as callVk */
export async function removeCallbackServer(
  lease: HeldLease,
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
  lease.emit({ type: 'webhook', credential: lease.credential, url: null });
}
