/**
 * Write-only secrets in widget settings: messenger bot tokens now, other credentials later, all
 * by this one rule. The platform keeps a secret apart from the settings and never gives it back:
 * where it sits, a read answers `{ "set": true | false }`. A write leaves it out to keep the
 * stored one (sending back the `{ "set" }` it read keeps it too), gives a string to replace it,
 * or `null` to clear it.
 */
import * as v from 'valibot';
import type { WidgetType } from './widget-settings';

/** What a read shows in place of a secret: whether one is stored. */
export const SecretStateSchema = v.strictObject({ set: v.boolean('must be true or false') });

/** Whether a secret is stored, as a read shows it. */
export type SecretState = v.InferOutput<typeof SecretStateSchema>;

/**
 * A secret setting whose new value must pass `schema` (described by `what` when the input is
 * none of the accepted shapes): a string replaces the stored secret, `null` clears it, and
 * left out or `{ "set" }` keeps it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function secret<S extends v.GenericSchema<string, string>>(schema: S, what: string) {
  return v.optional(
    v.nullable(
      v.union(
        [schema, SecretStateSchema],
        `must be ${what}, null to clear it, or left out to keep it`,
      ),
    ),
  );
}

/**
 * Where each widget type's settings hold secrets, as dotted paths; the platform stores each
 * under this path as its name. A secret belongs to the object around it (a connected channel):
 * without that object it is cleared.
 */
export const SECRET_PATHS: Readonly<Record<WidgetType, readonly string[]>> = {
  call: [],
  callback: [],
  chat: [
    'channels.telegram.botToken',
    'channels.viber.botToken',
    'channels.vk.accessToken',
    'channels.facebook.pageToken',
  ],
};
