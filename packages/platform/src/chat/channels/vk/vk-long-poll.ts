/**
 * One community's Bots Long Poll, read by its lease holder (the same lease loop and fence as
 * Telegram's poller, telegram-poller.ts): on taking the lease it learns the community
 * (groups.getById), turns long poll on for message_new (groups.setLongPollSettings) and asks for
 * a server and key (groups.getLongPollServer); the `ts` lives in the lease's cursor only. Each
 * event is stored in one transaction with the cursor, `where fence = <its own>`: events before
 * the last of an answer keep the cursor at the `ts` asked with (a kill mid-answer reads them again
 * and finds them stored), the last moves it to the answer's `ts`. VK's `failed`: 1 — the history
 * went out of date, go on from the `ts` it gives; 2 — the key expired, a new one (same ts);
 * 3 — the information was lost, a new key and ts. Every third of the lease the token is tried
 * (groups.getById), since the long poll itself takes none: a token VK no longer takes (error 5)
 * shows in the Studio's status. Back from Callback API mode, the platform's callback server is
 * removed first.
 */
import { fetchFailure } from '../api-failure';
import type { CursorGuard } from '../channel-types';
import { FenceLost } from '../leases';
import type { HeldLease } from '../telegram/telegram-poller';
import { callVk, ownGroup, VK_API_VERSION, VkUnreachable } from './vk-api';
import { removeCallbackServer } from './vk-callback-keeper';
import type { VkGuards } from './vk-receive';

/** How long one method call may take. */
const CALL_TIMEOUT_MS = 10_000;

/** What a long poll answers. */
type Answer =
  | { ts: string | number; updates: unknown[] }
  | { failed: 1; ts: string | number }
  | { failed: 2 | 3 };

/** What the long poll round needs of the channels. */
export interface VkLongPollSetup {
  /** Stores one event under the fences. @throws {FenceLost} */
  receive(update: unknown, guards: VkGuards): Promise<void>;
}

/** The server a holder reads, learnt when it took the lease. */
interface Session {
  fence: number;
  groupId: number;
  server: string | undefined;
  key: string | undefined;
  /** VK lost the information (`failed: 3`): the next server's ts is where to go on. */
  freshTs: boolean;
  /** When the token was last seen to work (the platform's clock). */
  checkedAt: number;
}

/** The round a poller of one community runs while it holds the lease; the failures so far after it. */
export function vkLongPoll(
  setup: VkLongPollSetup,
): (lease: HeldLease, failures: number) => Promise<number> {
  let session: Session | undefined;
  return async (lease, failures) => {
    const { credential, fence, tuning, signal } = lease;
    if (!(await lease.renew())) return 0;
    const api = { apiUrl: lease.api.apiUrl, token: lease.api.token };
    const call = { timeoutMs: CALL_TIMEOUT_MS, signal };
    const move = async (cursor: number) => {
      if (!(await lease.store.channels.inbound.skip({ credential, fence, cursor }, lease.now()))) {
        lease.lose();
        return false;
      }
      lease.cursor = cursor;
      return true;
    };
    let answer: Answer;
    try {
      if (lease.webhookUrl !== null) {
        await removeCallbackServer(api, lease.webhookUrl, signal);
        if (!(await lease.store.channels.leases.setWebhook({ credential, fence, webhook: null }))) {
          return lease.lose();
        }
        lease.webhookUrl = null;
        lease.emit({ type: 'webhook', credential, url: null });
      }
      if (session?.fence !== fence) {
        const group = await ownGroup(api, call);
        await callVk(
          api,
          'groups.setLongPollSettings',
          { group_id: group.id, enabled: 1, message_new: 1, api_version: VK_API_VERSION },
          call,
        );
        session = {
          fence,
          groupId: group.id,
          server: undefined,
          key: undefined,
          freshTs: false,
          checkedAt: lease.now(),
        };
      } else if (lease.now() - session.checkedAt >= tuning.leaseMs / 3) {
        // The long poll takes no token: a token VK no longer takes (5) shows only here.
        await ownGroup(api, call);
        session.checkedAt = lease.now();
      }
      if (!session.server || !session.key) {
        const server = (await callVk(
          api,
          'groups.getLongPollServer',
          { group_id: session.groupId },
          call,
        )) as {
          server?: unknown;
          key?: unknown;
          ts?: unknown;
        };
        if (typeof server?.server !== 'string' || typeof server.key !== 'string') {
          throw new VkUnreachable('VK answered groups.getLongPollServer without a server');
        }
        session.server = server.server;
        session.key = server.key;
        // A first holder goes on from now, kept at once: a successor never starts later.
        if (lease.cursor === 0 || session.freshTs) {
          if (!(await move(Number(server.ts)))) return 0;
          session.freshTs = false;
        }
      }
      answer = await longPoll(
        session.server,
        session.key,
        lease.cursor,
        tuning.pollTimeoutSeconds,
        signal,
      );
    } catch (error) {
      if (signal.aborted) return failures;
      return lease.failed(error, failures);
    }
    if (failures > 0) await lease.note(null);
    if ('failed' in answer) {
      if (answer.failed === 1) {
        // VK lost the events since: nothing can bring them back; go on from where it says.
        lease.emit({ type: 'error', credential, error: 'VK: the event history went out of date' });
        await move(Number(answer.ts));
        return 0;
      }
      // 2: a new key; 3: a new key and ts (the next round asks for them).
      session.key = undefined;
      session.freshTs = answer.failed === 3;
      return 0;
    }
    const asked = lease.cursor;
    const next = Number(answer.ts);
    for (const [i, update] of answer.updates.entries()) {
      const last = i === answer.updates.length - 1;
      const stay: CursorGuard = { credential, fence, cursor: asked };
      const guards = { stay, move: last ? { ...stay, cursor: next } : stay };
      try {
        await setup.receive(update, guards);
      } catch (error) {
        if (error instanceof FenceLost) return lease.lose();
        // The database, most likely: the event is read again from the same ts.
        return lease.failed(new Error(`Could not store a VK event: ${errorText(error)}`), failures);
      }
      lease.emit({ type: 'stored', credential, updateId: next - answer.updates.length + i });
    }
    if (answer.updates.length === 0 && next !== asked) {
      if (!(await move(next))) return 0;
    }
    lease.cursor = next;
    return 0;
  };
}

/** One `a_check`: holds up to `waitSeconds`. @throws {VkUnreachable} */
async function longPoll(
  server: string,
  key: string,
  ts: number,
  waitSeconds: number,
  signal: AbortSignal,
): Promise<Answer> {
  const url = `${server}?${new URLSearchParams({ act: 'a_check', key, ts: String(ts), wait: String(waitSeconds) })}`;
  let answer: unknown;
  let status = 0;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(waitSeconds * 1000 + 10_000)]),
    });
    status = response.status;
    answer = await response.json().catch(() => undefined);
  } catch (error) {
    throw new VkUnreachable(`VK's long poll did not answer: ${fetchFailure(error)}`, {
      cause: error,
    });
  }
  const read = answer as { failed?: unknown; ts?: unknown; updates?: unknown } | undefined;
  if (read?.failed === 1 && read.ts !== undefined) return { failed: 1, ts: read.ts as number };
  if (read?.failed === 2 || read?.failed === 3) return { failed: read.failed };
  if (read?.ts !== undefined && Array.isArray(read.updates)) {
    return { ts: read.ts as string, updates: read.updates };
  }
  throw new VkUnreachable(`VK's long poll answered HTTP ${status} without events`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
