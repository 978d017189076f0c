/**
 * A messenger API's call that got no answer, in words the Studio's status shows: never with the
 * URL (Telegram's carries the bot's token).
 */

/** What the usual network failures mean. */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection lost',
  UND_ERR_SOCKET: 'connection lost',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
};

/** The token-free words of a failed fetch. */
export function fetchFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return (
    (typeof code === 'string' && NETWORK_ERRORS[code]) || `failed (${String(code ?? 'no code')})`
  );
}
