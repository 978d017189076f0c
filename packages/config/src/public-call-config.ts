/** The public config of a call widget (a module of its own: a widget's bundle carries its own type's schema only). */
import * as v from 'valibot';
import { CallLookSchema } from './call-look';
import { baseEntries, flag } from './public-base';

/** The public config of a call widget. */
export const PublicCallConfigSchema = v.object({
  type: v.literal('call'),
  ...baseEntries,
  appearance: CallLookSchema,
  dialPad: flag,
  popOut: flag,
});
