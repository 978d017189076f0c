/**
 * Route schemas from one source: valibot validates (so errors name the field the same way the
 * Studio shows them), its JSON Schema rendering documents the route in the OpenAPI document, and
 * its output type is what the handler reads from the request (ValibotTypeProvider).
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import * as v from 'valibot';
import { ApiError } from './api-error';

const validators = new WeakMap<object, v.GenericSchema>();

/** Only a type: what the validator behind a RouteSchema hands the handler. */
declare const output: unique symbol;

/** A route part's JSON Schema (for the OpenAPI document), typed with what its validation outputs. */
export type RouteSchema<T> = Record<string, unknown> & { readonly [output]: T };

/** A JSON Schema for a route's `schema` part that validates with `schema` at run time. */
export function routeSchema<S extends v.GenericSchema>(schema: S): RouteSchema<v.InferOutput<S>> {
  const json = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<string, unknown>;
  validators.set(json, schema);
  // The output type is carried by the type alone: nothing reads it at run time.
  return json as RouteSchema<v.InferOutput<S>>;
}

/** Types a route's `request.body`, `params` and `query` as the output of its `routeSchema`. */
export interface ValibotTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends RouteSchema<infer T> ? T : unknown;
}

/** The platform's Fastify app, whose handlers get their request parts typed by their schemas. */
export type PlatformApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ValibotTypeProvider
>;

/** `:id` of the admin routes: a record's id. */
export const IdParams = v.object({ id: v.pipe(v.string(), v.maxLength(64)) });

/** The dotted path of a valibot issue: `appearance.working.title`, `exceptions[1].date`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).reduce<string>((path, item) => {
    const key = item.key;
    if (typeof key === 'number') return `${path}[${key}]`;
    return path ? `${path}.${String(key)}` : String(key);
  }, '');
}

/** 400 naming the first field valibot refused. */
export function invalid(issues: readonly v.BaseIssue<unknown>[], prefix = ''): ApiError {
  const first = issues[0];
  const path = first ? issuePath(first) : '';
  const field = [prefix, path].filter(Boolean).join('.') || undefined;
  return new ApiError(400, 'invalid', first?.message ?? 'Invalid request.', field);
}

/** Makes Fastify validate routes with the valibot schema behind each `routeSchema`. */
export function useValibotValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const valibot = validators.get(schema);
    if (!valibot) throw new Error('route schemas must come from routeSchema()');
    return (data: unknown) => {
      // valibot's object() lets arrays through; a JSON body of ours is never one.
      if (httpPart === 'body' && Array.isArray(data)) {
        return { error: new ApiError(400, 'invalid', 'The body must be a JSON object.') };
      }
      const result = v.safeParse(valibot, data);
      return result.success ? { value: result.output } : { error: invalid(result.issues) };
    };
  });
}

/** How deep a body may nest: ours nest a few levels, and the walk below must not run out of stack. */
export const MAX_NESTING = 32;

/**
 * The path of the first string holding a NUL or a lone UTF-16 surrogate, or undefined.
 * Such strings cannot be stored faithfully on every engine, so no endpoint accepts them.
 * @throws {ApiError} 400 naming the path where `value` nests deeper than {@link MAX_NESTING}.
 */
export function unsafeStringPath(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed() ? path || '(body)' : undefined;
  }
  if (value && typeof value === 'object' && depth === MAX_NESTING) {
    throw new ApiError(
      400,
      'invalid',
      `Nothing may nest deeper than ${MAX_NESTING} levels.`,
      path || '(body)',
    );
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unsafeStringPath(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (!key.isWellFormed() || key.includes('\u0000')) return keyPath;
      const found = unsafeStringPath(item, keyPath, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
