/**
 * The public config: what `GET /v1/widgets/:key/config` returns and what a widget validates in
 * the browser before it mounts. This module imports no settings schema — it is the part of the
 * package a widget bundle carries — and nothing here may ever hold a secret: no staff contacts,
 * receivers, tokens, SIP line or allowed origins.
 */
import * as v from 'valibot';
import { type ParseResult, parseWith } from './issues';
import { calendarOfScheduleCountry } from './parse-public-config-of';
import { PublicCallConfigSchema } from './public-call-config';
import { PublicCallbackConfigSchema } from './public-callback-config';
import { PublicChatConfigSchema } from './public-chat-config';

/**
 * The public config of any widget. Unknown keys are stripped (a newer platform may send more);
 * wrong types are issues naming the field.
 */
export const PublicConfigSchema = v.pipe(
  v.variant(
    'type',
    [PublicCallConfigSchema, PublicCallbackConfigSchema, PublicChatConfigSchema],
    (issue) =>
      issue.path ? 'must be "call", "callback" or "chat"' : 'a public config must be an object',
  ),
  calendarOfScheduleCountry(),
);

/** The schema of each widget type's public config, by type. */
export interface PublicSchemas {
  call: typeof PublicCallConfigSchema;
  callback: typeof PublicCallbackConfigSchema;
  chat: typeof PublicChatConfigSchema;
}

/** The public config of a widget, as a browser receives it. */
export type PublicConfig = v.InferOutput<typeof PublicConfigSchema>;

/**
 * Validates a public config in the browser: unknown keys are ignored (stripped), wrong types
 * are issues naming the field (`appearance.primaryColor`), for one clear console error.
 */
export function parsePublicConfig(input: unknown): ParseResult<PublicConfig> {
  return parseWith(PublicConfigSchema, input);
}
