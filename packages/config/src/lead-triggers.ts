/**
 * When a lead generator opens its widget by itself: the part of its settings a browser needs,
 * shared by the settings (lead-generator.ts) and the public config.
 */
import * as v from 'valibot';

/* @__NO_SIDE_EFFECTS__ */
function whole(min: number, max: number) {
  return v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
}

const enabled = v.boolean('must be true or false');

/** Visitor behaviours that open the widget; any one enabled trigger reaching its threshold does. */
export const TriggersSchema = v.object({
  /** Time on the page ≥ `seconds`. */
  timeOnPage: v.object({ enabled, seconds: whole(1, 3600) }),
  /** Page scrolled ≥ `percent` of its height. */
  scrollDepth: v.object({ enabled, percent: whole(1, 100) }),
  /** Pages viewed in the session ≥ `count`. */
  pagesViewed: v.object({ enabled, count: whole(1, 100) }),
  /** The pointer leaves towards the browser's tabs or address bar. */
  exitIntent: v.object({ enabled }),
  /** No input or scrolling for ≥ `seconds`. */
  inactivity: v.object({ enabled, seconds: whole(1, 3600) }),
});

/** How a lead generator behaves in the visitor's browser. */
export const LeadRulesSchema = v.object({
  triggers: TriggersSchema,
  /** Repeat frequency: hours before it may open by itself again for the same visitor. */
  repeatAfterHours: whole(1, 8760),
  /** Never open by itself for a visitor who has already left a phone number. */
  skipIfPhoneLeft: v.boolean('must be true or false'),
});
