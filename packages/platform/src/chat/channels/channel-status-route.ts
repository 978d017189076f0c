/**
 * `GET /v1/admin/widgets/:id/<messenger>-status` (admins and marketers): how the widget's
 * messenger channel is doing, for the Studio's live status — the mode, whether a process reads
 * the bot now and the messenger answers it, when the last update came, and the last error (a bad
 * token, the messenger out of reach, a webhook it cannot deliver to). Read from the bot's lease,
 * which every process shares.
 */
import type { ChannelStatus } from '@frontdesk/config';
import { requireUser } from '../../accounts';
import type { AppContext } from '../../context';
import { IdParams, type PlatformApp, routeSchema } from '../../http/route-schema';
import { ownWidget } from '../../widgets';
import { type BotMessenger, botToken, type ChatWidget, isChat } from './channel-bots';

/** Registers the status route of `messenger`, whose bots' credentials `credentialOf` names. */
export function registerChannelStatus(
  app: PlatformApp,
  ctx: AppContext,
  messenger: BotMessenger,
  credentialOf: (token: string, widget: ChatWidget) => string,
): void {
  app.get(
    `/v1/admin/widgets/:id/${messenger}-status`,
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request): Promise<ChannelStatus> => {
      const { user } = await requireUser(ctx, request, ['admin', 'marketer']);
      const widget = await ownWidget(ctx, user.accountId, request.params.id);
      const channel = isChat(widget) ? widget.settings.channels[messenger] : null;
      const token = channel?.enabled ? await botToken(ctx.store, widget, messenger) : undefined;
      const status = token
        ? await ctx.store.channels.leases.status(credentialOf(token, widget as ChatWidget))
        : undefined;
      const iso = (at: number | null | undefined) => (at ? new Date(at).toISOString() : null);
      // Telegram polls and VK long-polls unless told otherwise; Viber has webhooks only.
      const mode = !isChat(widget)
        ? 'webhook'
        : messenger === 'telegram'
          ? (widget.settings.channels.telegram?.mode ?? 'polling')
          : messenger === 'vk'
            ? widget.settings.channels.vk?.mode === 'callback'
              ? 'webhook'
              : 'polling'
            : 'webhook';
      return {
        mode: token ? mode : 'off',
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
