/** Lines for the platform's log, from the SIP edge and the programs it supervises. */
export interface EdgeLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}
