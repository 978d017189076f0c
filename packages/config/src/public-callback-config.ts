/** The public config of a callback widget (a module of its own: a widget's bundle carries its own type's schema only). */
import * as v from 'valibot';
import { CallbackLookSchema } from './callback-look';
import { LeadRulesSchema } from './lead-triggers';
import { baseEntries } from './public-base';

/** The public config of a callback widget. */
export const PublicCallbackConfigSchema = v.object({
  type: v.literal('callback'),
  ...baseEntries,
  appearance: CallbackLookSchema,
  /** Only the kind: in manual mode the widget promises a call back, not a call now. */
  mode: v.picklist(['automatic', 'manual'], 'must be "automatic" or "manual"'),
  /** Default country of the phone input: the schedule's calendar country. */
  country: v.picklist(['ru', 'by', 'kz', 'uz'], 'must be one of ru, by, kz, uz'),
  /** Present only when the lead generator is on (automatic mode only). */
  leadGenerator: v.optional(LeadRulesSchema),
});
