import type { AppContext } from '../../../context';
import type { PlatformApp } from '../../../http/route-schema';
import { registerChannelStatus } from '../channel-status-route';
import { vkCredential } from './vk-api';

/** Registers `GET /v1/admin/widgets/:id/vk-status` (channel-status-route.ts). */
export function registerVkStatus(app: PlatformApp, ctx: AppContext): void {
  registerChannelStatus(app, ctx, 'vk', vkCredential);
}
