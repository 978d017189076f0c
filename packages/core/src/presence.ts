/**
 * Who can answer a widget now (`online` / `busy` / `nobody`): asked of the platform's
 * `GET /v1/widgets/:key/presence`, which the browser may reuse for a few seconds (its answer is
 * briefly cached), apart from the config. Until the platform says otherwise, and when it cannot
 * be asked, nobody can: a widget never promises an immediate answer or call it may not keep.
 */
import { type PublicPresence, readPresence } from '@frontdesk/config';
import type { WidgetHost } from './widget-host';

/** Nobody can answer: what a widget assumes before the platform told it. */
export const NOBODY: PublicPresence = { presence: 'nobody' };

/**
 * Who can answer `host`'s widget now; in the Studio's preview, `host.presence` (default
 * online) for the widget and its callback alike, and nothing is asked.
 */
export async function fetchPresence(host: WidgetHost): Promise<PublicPresence> {
  if (host.preview) {
    const presence = host.presence ?? 'online';
    return { presence, callback: presence };
  }
  try {
    const response = await fetch(`${host.api}widgets/${encodeURIComponent(host.key)}/presence`, {
      credentials: 'omit',
    });
    const presence = readPresence(await response.json());
    if (presence) return presence;
  } catch {
    // Not reachable, or not an answer: nobody, as below.
  }
  return NOBODY;
}
