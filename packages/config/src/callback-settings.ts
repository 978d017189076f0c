/** Settings of the callback widget. */
import * as v from 'valibot';
import { CallbackAppearanceSchema } from './appearance';
import { CallbackModeSchema } from './callback-mode';
import { settingsEntries } from './common-settings';
import { crossCheck } from './cross-check';
import { LeadGeneratorSchema } from './lead-generator';

/** Everything a marketer sets on a callback widget. */
export const CallbackSettingsSchema = v.pipe(
  v.object(
    settingsEntries(v.literal('callback'), {
      mode: CallbackModeSchema,
      leadGenerator: LeadGeneratorSchema,
      appearance: CallbackAppearanceSchema,
    }),
  ),
  // The lead generator promises an instant call; manual mode cannot keep that promise.
  crossCheck(
    [
      ['mode', 'kind'],
      ['leadGenerator', 'enabled'],
    ],
    (s) => !(s.mode.kind === 'manual' && s.leadGenerator.enabled),
    'the lead generator works only in automatic mode',
    ['leadGenerator', 'enabled'],
  ),
);

/** Settings of a callback widget. */
export type CallbackSettings = v.InferOutput<typeof CallbackSettingsSchema>;
