import type { SearchResults } from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import { conversationSummary, conversationViewer } from '../chat';
import type { AppContext } from '../context';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import { opsOrder } from '../orders';

/** The most conversations and the most orders one search answers with. */
export const SEARCH_RESULTS = 50;

const SearchQuery = v.object({
  q: v.pipe(
    v.string('Give q, the words to look for.'),
    v.trim(),
    v.minLength(2, 'q must be at least 2 characters.'),
    v.maxLength(100, 'q must be at most 100 characters.'),
  ),
});

/**
 * The digits to find in phone numbers when `q` reads as one ("+7 912 345-67-89", "912 34"): at
 * least three, and of a longer number its last ten, so a national prefix (8…, +7…) never matters.
 */
export function phoneDigits(q: string): string | undefined {
  const digits = q.replace(/[\s().+-]/g, '');
  if (!/^\d{3,}$/.test(digits)) return undefined;
  return digits.length > 10 ? digits.slice(-10) : digits;
}

/**
 * `GET /v1/ops/search?q=`: the console's search. Conversations by the visitor's contact (name,
 * phone, e-mail) and any message's text, only those the operator may see (as `chat:list`);
 * callback orders of the account by the visitor's name and phone, in any state (as
 * `callback:list`). Search results do not say whether a visitor is online (`online: false`).
 */
export function registerOpsSearch(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/ops/search',
    { schema: { tags: ['ops'], querystring: routeSchema(SearchQuery) } },
    async (request, reply): Promise<SearchResults> => {
      const { user } = await requireUser(ctx, request);
      // Visitors' names and messages: no cache keeps them.
      reply.header('cache-control', 'no-store');
      const { q } = request.query;
      const digits = phoneDigits(q);
      const query = { accountId: user.accountId, text: q, ...(digits ? { digits } : {}) };
      const viewer = await conversationViewer(ctx.store, user);
      const [conversations, orders] = await Promise.all([
        ctx.store.search.conversations({ ...query, limit: SEARCH_RESULTS, viewer }),
        ctx.store.search.orders({ ...query, limit: SEARCH_RESULTS }),
      ]);
      const now = ctx.clock().getTime();
      return {
        conversations: conversations.map((conversation) =>
          conversationSummary(conversation, false),
        ),
        orders: orders.map((order) => opsOrder(order, now)),
      };
    },
  );
}
