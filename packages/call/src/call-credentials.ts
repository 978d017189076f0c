/**
 * `POST /v1/widgets/:key/call-credentials`: the SIP account of one call, asked when the visitor
 * presses the call button. It comes with the call itself (live-call.tsx re-exports it), so the
 * platform client is not part of the opened widget.
 */
import type { CallCredentials } from '@frontdesk/config';
import {
  type ConsentStorage,
  createPlatformClient,
  pageInfo,
  uuid,
  visitorToken,
  type WidgetHost,
} from '@frontdesk/core';

/** Asks the platform for a call's credentials for widget `host.key`, with the visitor's token. */
export function callCredentials(
  host: WidgetHost,
  storage: ConsentStorage,
  accountTag: string | undefined,
): Promise<CallCredentials> {
  return createPlatformClient(host.api, { retryDelays: [] }).post<CallCredentials>(
    `widgets/${encodeURIComponent(host.key)}/call-credentials`,
    {
      page: pageInfo(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      visitorToken: visitorToken(storage, accountTag),
    },
    uuid(),
  );
}
