/**
 * Who is calling: what the visitor's widget told the platform, as Kamailio passes it on in the
 * `X-Frontdesk-Caller` header of the INVITE.
 */
import { visitorLocalTime } from './visitor-time';

/** What the visitor's widget told the platform, as Kamailio passes it on. */
export interface CallerInfo {
  widget?: { id?: string; key?: string; name?: string };
  page?: { url?: string; title?: string };
  utm?: Record<string, string>;
  visitor?: { id?: string; timeZone?: string };
}

/** The object in one of the edge's headers (base64 of UTF-8 JSON), or null. */
export function headerObject(header: string | undefined): Record<string, unknown> | null {
  if (!header) return null;
  try {
    const bytes = Uint8Array.from(atob(header.trim()), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The caller's info from the `X-Frontdesk-Caller` header, or null. */
export function parseCaller(header: string | undefined): CallerInfo | null {
  return headerObject(header) as CallerInfo | null;
}

/** The visitor's local time now, in their zone (from the caller info), or undefined. */
export function visitorTime(caller: CallerInfo | null, now = new Date(), locale?: string) {
  return visitorLocalTime(caller?.visitor?.timeZone, now, locale);
}
