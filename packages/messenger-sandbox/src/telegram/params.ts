/**
 * A Bot API method's parameters, read the way Telegram reads them: from the query string, a JSON
 * body or a form body; numbers and booleans may come as strings, and objects (reply_markup,
 * allowed_updates) as JSON in a string.
 */
import { badRequest } from './api-error';

/** The parameters of one call. */
export class Params {
  constructor(private readonly values: Readonly<Record<string, unknown>>) {}

  /** Whether the call names `name` at all. */
  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  /** `name` as text; numbers are written out. */
  string(name: string): string | undefined {
    const value = this.values[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  /** `name` as an integer, or undefined when it is missing or not one (Telegram's default then). */
  integer(name: string): number | undefined {
    const value = this.values[name];
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
  }

  /** `name` as a flag: true, "true" or 1. */
  flag(name: string): boolean {
    const value = this.values[name];
    return value === true || value === 'true' || value === 1 || value === '1';
  }

  /**
   * `name` as an object: given as one in a JSON body, or as JSON text anywhere.
   * @throws {BotApiError} 400 "can't parse `what`" when the text is not JSON.
   */
  json(name: string, what: string): unknown {
    const value = this.values[name];
    if (typeof value !== 'string') return value ?? undefined;
    try {
      return JSON.parse(value);
    } catch {
      throw badRequest(`can't parse ${what}`);
    }
  }
}
