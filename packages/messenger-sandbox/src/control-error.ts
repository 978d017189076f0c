/**
 * The control API's failures (the sandbox's own API, not a messenger's): every error body is
 * `{ error: { code, field?, message } }`, naming the field at fault.
 */
import * as v from 'valibot';

/** A refused control call. */
export class ControlError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }

  /** The JSON body of this error. */
  toBody(): { error: { code: string; field?: string; message: string } } {
    return {
      error: {
        code: this.code,
        ...(this.field ? { field: this.field } : {}),
        message: this.message,
      },
    };
  }
}

/**
 * `input` checked against `schema`.
 * @throws {ControlError} 400 `invalid`, naming the first field at fault.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const field = issue ? (v.getDotPath(issue) ?? undefined) : undefined;
  throw new ControlError(400, 'invalid', issue?.message ?? 'Invalid input.', field);
}

/** 404 for something the sandbox does not have. */
export const notFound = (what: string, field?: string) =>
  new ControlError(404, 'not_found', `No ${what}.`, field);
