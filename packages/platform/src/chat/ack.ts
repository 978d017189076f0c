/**
 * Acknowledged chat events: the payload checked with its valibot schema, the answer a
 * `ChatAck` — the result, or `{ code, message, field? }` naming the field at fault.
 */
import type { ChatAck } from '@frontdesk/config';
import type { Socket } from 'socket.io';
import * as v from 'valibot';
import { ApiError } from '../http/api-error';
import { issuePath } from '../http/route-schema';
import { StoreError } from '../storage/store-error';

/** Why a chat request was refused, with a stable code and the field at fault, if one is. */
export class ChatRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Handles `event`: its payload is checked against `schema`; with an ack callback the client gets
 * the result of `act` or the refusal. Events sent without an ack (typing, read) are acted on
 * when valid and otherwise dropped: there is nobody to tell.
 */
export function onChat<S extends v.GenericSchema>(
  socket: Socket,
  event: string,
  schema: S,
  act: (input: v.InferOutput<S>) => Promise<object | undefined>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const last = args.at(-1);
    const ack =
      typeof last === 'function' ? (last as (answer: ChatAck<object>) => void) : undefined;
    const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
    const reply = (answer: ChatAck<object>) => ack?.(answer);
    const parsed = v.safeParse(schema, payload);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue ? issuePath(issue) : '';
      return reply({
        ok: false,
        error: {
          code: 'invalid',
          message: issue?.message ?? 'Invalid payload.',
          ...(field ? { field } : {}),
        },
      });
    }
    try {
      const result = await act(parsed.output);
      reply({ ok: true, ...result });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return reply({ ok: false, error: refusal });
      console.error(`chat ${event} failed:`, error);
      reply({
        ok: false,
        error: { code: 'internal', message: 'Something went wrong on our side.' },
      });
    }
  });
}

function refusalOf(error: unknown): { code: string; message: string; field?: string } | undefined {
  if (error instanceof ChatRefusal || error instanceof ApiError || error instanceof StoreError) {
    const { code, message, field } = error;
    return { code, message, ...(field ? { field } : {}) };
  }
  return undefined;
}
