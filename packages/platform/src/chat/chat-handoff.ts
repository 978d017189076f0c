import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { type PlatformApp, routeSchema } from '../http/route-schema';

const TokenParams = v.object({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid hand-off token.')),
});

/**
 * What a messenger context token stands for (CHAT.md, hand-off): the visitor, their conversation
 * when the token was made, the widget, the channel and the visitor's contact. Admins and operators
 * of the token's account only (the messenger bridges, later, too): a marketer is 403, as for the
 * attachments, since the contact is a customer's; any other token is 404.
 */
export function registerChatHandoff(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/chat/handoff/:token',
    { schema: { tags: ['admin'], params: routeSchema(TokenParams) } },
    async (request) => {
      const { user } = await requireUser(ctx, request, ['admin', 'operator']);
      const { token } = request.params;
      const handoff = await ctx.store.chatHandoffs.get(token);
      const widget = handoff && (await ctx.store.widgets.get(handoff.widgetId));
      if (!handoff || !widget || handoff.accountId !== user.accountId) {
        throw new ApiError(404, 'handoff_not_found', 'No such hand-off token in this account.');
      }
      const contact = await ctx.store.chatContacts.get(handoff.accountId, handoff.visitorId);
      return {
        visitorId: handoff.visitorId,
        conversationId: handoff.conversationId,
        widgetKey: widget.key,
        channel: handoff.channel,
        contact: contact ?? null,
      };
    },
  );
}
