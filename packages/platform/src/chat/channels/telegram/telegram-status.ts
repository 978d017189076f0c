import type { AppContext } from '../../../context';
import type { PlatformApp } from '../../../http/route-schema';
import { registerChannelStatus } from '../channel-status-route';
import { telegramCredential } from './telegram-token';

/** Registers `GET /v1/admin/widgets/:id/telegram-status` (channel-status-route.ts). */
export function registerTelegramStatus(app: PlatformApp, ctx: AppContext): void {
  registerChannelStatus(app, ctx, 'telegram', telegramCredential);
}
