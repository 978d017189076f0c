/**
 * The public config: what `GET /v1/widgets/:key/config` returns and what a widget validates in
 * the browser before it mounts. This module imports no settings schema — it is the part of the
 * package a widget bundle carries — and nothing here may ever hold a secret: no staff contacts,
 * receivers, tokens, SIP line or allowed origins.
 */
import * as v from 'valibot';
import { CalendarDaysSchema } from './calendar-days-schema';
import { ConsentSchema } from './consent';
import { type ParseResult, parseWith, pathItems } from './issues';
import { LeadRulesSchema } from './lead-triggers';
import { LocaleSchema, TextLocaleSchema } from './locale';
import { CallbackLookSchema, CallLookSchema, ChatLookSchema } from './look';
import { ScheduleSchema } from './schedule-schema';
import { token } from './text';

const flag = v.boolean('must be true or false');

const baseEntries = {
  /** Version of this shape; a widget refuses versions it does not know. */
  v: v.literal(1, 'must be 1'),
  /** The public widget key. */
  key: token(64, /^[A-Za-z0-9_-]+$/, 'a widget key (letters, digits, _ and -)'),
  locale: LocaleSchema,
  /**
   * The languages a visitor may be shown, the main one first; the texts carry these only. A
   * visitor whose language is not among them gets the main one, all of it.
   */
  languages: v.pipe(
    v.array(TextLocaleSchema, 'must be a list of languages'),
    // A check, not minLength: the launchers already carry `check`, and every byte counts there.
    v.check((languages) => languages.length > 0, 'must name the main language'),
  ),
  schedule: ScheduleSchema,
  /** The production calendar's days from today on (60 of them), for the schedule. */
  calendar: CalendarDaysSchema,
  consent: ConsentSchema,
  /** Whether "Powered by Frontdesk" is hidden in working and in non-working time. */
  brand: v.object({ hidden: flag, nonWorkingHidden: flag }),
  /**
   * An opaque tag of the widget's account (never its id): the widgets of one account keep the
   * visitor's token under it, so the chat and the callback know one visitor. Absent: none kept.
   */
  accountTag: v.optional(token(64, /^[A-Za-z0-9_-]+$/, 'an account tag')),
};

/** The public config of a call widget. */
export const PublicCallConfigSchema = v.object({
  type: v.literal('call'),
  ...baseEntries,
  appearance: CallLookSchema,
  dialPad: flag,
  popOut: flag,
});

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

/** The public config of a chat widget. */
export const PublicChatConfigSchema = v.object({
  type: v.literal('chat'),
  ...baseEntries,
  appearance: ChatLookSchema,
  /** The channels a visitor can use; an absent messenger is not connected or not enabled. */
  channels: v.object({
    site: v.object({ showOperatorName: flag, showOperatorPhoto: flag, rating: flag }),
    /** t.me/<bot> */
    telegram: v.optional(v.object({ bot: token(32, /^[A-Za-z0-9_]+$/, "a bot's username") })),
    /** viber://pa?chatURI=<uri> */
    viber: v.optional(v.object({ uri: token(100, /^[A-Za-z0-9._-]+$/, 'a chat URI') })),
    /** vk.me/<groupId> */
    vk: v.optional(v.object({ groupId: token(100, /^[A-Za-z0-9._-]+$/, 'a community id') })),
    /** m.me/<pageId> */
    facebook: v.optional(v.object({ pageId: token(100, /^[A-Za-z0-9._-]+$/, 'a page id') })),
    /** The callback tab. */
    callback: flag,
    /**
     * How the chat's callback orders (its tab, its lead generator) are served: in manual mode
     * the widget promises a call back, not a call now. Absent: automatic.
     */
    callbackMode: v.optional(
      v.picklist(['automatic', 'manual'], 'must be "automatic" or "manual"'),
    ),
  }),
  /** Present only when lead generation is on: when the capture form opens by itself. */
  leadGenerator: v.optional(LeadRulesSchema),
});

/** What the country check reads of a public config. */
interface Dated {
  schedule: { country?: string | undefined };
  calendar: { country: string };
}

/** The engine refuses a calendar of another country: say so here, naming the field. */
/* @__NO_SIDE_EFFECTS__ */
function calendarOfScheduleCountry<T extends Dated>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.issues) return;
    const { schedule, calendar } = dataset.value;
    if ((schedule.country ?? 'ru') !== calendar.country) {
      addIssue({
        message: `is for ${calendar.country}, but the schedule's country is ${schedule.country ?? 'ru'}`,
        path: pathItems(dataset.value, ['calendar', 'country']),
      });
    }
  });
}

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

/**
 * Like {@link parsePublicConfig}, for one widget type's schema: a widget's bundle then carries
 * its own type's schema only.
 */
export function parsePublicConfigOf<S extends v.GenericSchema<unknown, Dated>>(
  schema: S,
  input: unknown,
): ParseResult<v.InferOutput<S>> {
  return parseWith(v.pipe(schema, calendarOfScheduleCountry()), input);
}
