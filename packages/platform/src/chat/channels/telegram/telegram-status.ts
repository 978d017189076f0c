/**
 * `GET /v1/admin/widgets/:id/telegram-status` (admins and marketers): how the widget's Telegram
 * channel is doing, for the Studio's live status — the mode, whether a process reads the bot
 * now and Telegram answers it, when the last update came, and the last error (a bad token,
 * Telegram out of reach, a webhook Telegram cannot deliver to). Read from the bot's lease, which
 * every process shares.
 */
import type { TelegramStatus } from '@frontdesk/config';
import { requireUser } from '../../../accounts';
import type { AppContext } from '../../../context';
import { IdParams, type PlatformApp, routeSchema } from '../../../http/route-schema';
import { ownWidget } from '../../../widgets';
import { telegramCredential, telegramToken } from './telegram-token';

/** Registers the route. */
export function registerTelegramStatus(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/admin/widgets/:id/telegram-status',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request): Promise<TelegramStatus> => {
      const { user } = await requireUser(ctx, request, ['admin', 'marketer']);
      const { id } = request.params;
      const widget = await ownWidget(ctx, user.accountId, id);
      const telegram = widget.settings.type === 'chat' ? widget.settings.channels.telegram : null;
      const token = telegram?.enabled ? await telegramToken(ctx.store, widget) : undefined;
      const status = token
        ? await ctx.store.channels.leases.status(telegramCredential(token))
        : undefined;
      const iso = (at: number | null | undefined) => (at ? new Date(at).toISOString() : null);
      return {
        mode: token ? (telegram?.mode ?? 'polling') : 'off',
        connected:
          !!status &&
          status.expiresAt > ctx.clock().getTime() &&
          status.connectedAt !== null &&
          status.lastError === null,
        lastUpdateAt: iso(status?.lastUpdateAt),
        lastError: status?.lastError ?? null,
        lastErrorAt: iso(status?.lastErrorAt),
      };
    },
  );
}
