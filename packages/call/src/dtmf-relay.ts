/**
 * DTMF digits in SIP INFO, as both ends of a Frontdesk call read them: the widget sends each
 * digit as `application/dtmf-relay` (besides RFC 4733), the softphone reads it (or the plain
 * `application/dtmf` some phones send).
 */

/** The content type of {@link dtmfRelayBody}. */
export const DTMF_RELAY = 'application/dtmf-relay';

/** The INFO body of one `digit` lasting `duration` ms. */
export function dtmfRelayBody(digit: string, duration: number): string {
  return `Signal=${digit}\r\nDuration=${duration}`;
}

/** The digit of an `application/dtmf-relay` (or `application/dtmf`) INFO body, or undefined. */
export function dtmfDigit(
  contentType: string | undefined,
  body: string | undefined,
): string | undefined {
  if (!body) return undefined;
  const type = contentType?.toLowerCase() ?? '';
  const match = type.includes('dtmf-relay')
    ? /Signal\s*=\s*([0-9*#A-D])/i.exec(body)
    : type.includes('application/dtmf')
      ? /^\s*([0-9*#A-D])/i.exec(body)
      : null;
  return match?.[1]?.toUpperCase();
}
