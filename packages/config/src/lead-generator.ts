/** The lead generator's settings: on/off plus the rules the browser follows. */
import * as v from 'valibot';
import { crossCheck } from './cross-check';
import { LeadRulesSchema, type TriggersSchema } from './lead-triggers';

type Triggers = v.InferOutput<typeof TriggersSchema>;

/** Whether any trigger is enabled. */
export function anyTrigger(triggers: Triggers): boolean {
  return Object.values(triggers).some((trigger) => trigger.enabled);
}

/**
 * The rule that an enabled lead generator has at least one trigger (else it never opens), as
 * an issue at `triggers`; for every object that spreads the lead generator's entries.
 */
/* @__NO_SIDE_EFFECTS__ */
export function needsTriggerWhenEnabled<T extends { enabled: boolean; triggers: Triggers }>() {
  return crossCheck<T>(
    [['enabled'], ['triggers']],
    (input) => !input.enabled || anyTrigger(input.triggers),
    'choose at least one trigger, or turn the lead generator off',
    ['triggers'],
  );
}

/**
 * The object entries of a lead generator followed by `entries`, for objects that add their own
 * (a function, so bundlers can drop it; see common-settings.ts).
 */
/* @__NO_SIDE_EFFECTS__ */
export function leadGeneratorEntries<E extends v.ObjectEntries>(entries: E) {
  return {
    /** Open the widget by itself on visitor behaviour. */
    enabled: v.boolean('must be true or false'),
    ...LeadRulesSchema.entries,
    ...entries,
  };
}

/** The callback widget's lead generator (works in automatic mode only). */
export const LeadGeneratorSchema = v.pipe(
  v.object(leadGeneratorEntries({})),
  needsTriggerWhenEnabled(),
);
