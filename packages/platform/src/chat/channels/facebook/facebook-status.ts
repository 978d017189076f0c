import type { AppContext } from '../../../context';
import type { PlatformApp } from '../../../http/route-schema';
import { registerChannelStatus } from '../channel-status-route';
import { facebookCredential } from './facebook-api';

/** Registers `GET /v1/admin/widgets/:id/facebook-status` (channel-status-route.ts). */
export function registerFacebookStatus(app: PlatformApp, ctx: AppContext): void {
  registerChannelStatus(app, ctx, 'facebook', (_token, widget) =>
    facebookCredential(widget.settings.channels.facebook?.pageId ?? ''),
  );
}
