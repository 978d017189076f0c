import type { AppContext } from '../../../context';
import type { PlatformApp } from '../../../http/route-schema';
import { registerChannelStatus } from '../channel-status-route';
import { viberCredential } from './viber-api';

/** Registers `GET /v1/admin/widgets/:id/viber-status` (channel-status-route.ts). */
export function registerViberStatus(app: PlatformApp, ctx: AppContext): void {
  registerChannelStatus(app, ctx, 'viber', viberCredential);
}
