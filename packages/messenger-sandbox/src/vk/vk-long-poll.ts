/**
 * The Bots Long Poll server, as dev.vk.com documents it: `GET <server>?act=a_check&key=…&ts=…
 * &wait=…` answers the community's events numbered from `ts` on as `{ ts, updates }` (the next
 * `ts` to ask with), holding the request up to `wait` seconds (at most 90) while there are none.
 * `{ failed: 1, ts }`: the history went out of date or was partly lost — go on with the new ts;
 * `{ failed: 2 }`: the key expired — get a new one (groups.getLongPollServer); `{ failed: 3 }`:
 * the information was lost — get a new key and ts. Events are not consumed: any request with a
 * valid key and ts reads them.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { VkCommunityState, VkState } from './vk-state';

/** The longest `wait` VK takes. */
const MAX_WAIT_SECONDS = 90;

/** A new key of the community's long poll server (groups.getLongPollServer). */
export function newLongPollKey(state: VkCommunityState): string {
  const key = randomBytes(20).toString('hex');
  state.longPoll.keys.add(key);
  return key;
}

/** The path of a community's server: `/lp/wh<community id>`. */
export function longPollPath(state: VkCommunityState): string {
  return `/lp/wh${state.community.id}`;
}

/** Registers the server on the API's listener. */
export function registerVkLongPoll(app: FastifyInstance, vk: VkState): void {
  app.get('/lp/:server', async (request, reply) => {
    const id = /^wh(\d+)$/.exec((request.params as { server: string }).server)?.[1];
    const state = vk.allCommunities().find((c) => String(c.id) === id);
    const query = request.query as Record<string, string | undefined>;
    const longPoll = state && vk.community(state).longPoll;
    if (!state || !longPoll || query.act !== 'a_check' || !query.key) return { failed: 2 };
    if (longPoll.lost.has(query.key)) return { failed: 3 };
    if (!longPoll.keys.has(query.key)) return { failed: 2 };
    const ts = Number(query.ts);
    const oldest = longPoll.history[0]?.ts ?? longPoll.nextTs;
    if (!Number.isInteger(ts) || ts < oldest || ts > longPoll.nextTs) {
      return { failed: 1, ts: longPoll.nextTs };
    }
    longPoll.askedTs = ts;
    vk.emit({ type: 'long-poll', community: state.screenName, ts });
    const wait = Math.min(Math.max(Number(query.wait) || 0, 0), MAX_WAIT_SECONDS);
    if (ts === longPoll.nextTs && wait > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          longPoll.waiters.delete(done);
          reply.raw.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, wait * 1000);
        longPoll.waiters.add(done);
        // The poller went away: nothing to hold for.
        reply.raw.on('close', done);
      });
    }
    // The key may have expired meanwhile (a fault the test set).
    if (longPoll.lost.has(query.key)) return { failed: 3 };
    if (!longPoll.keys.has(query.key)) return { failed: 2 };
    const updates = longPoll.history.filter((event) => event.ts >= ts).map((e) => e.update);
    return { ts: String(ts + updates.length), updates };
  });
}
