/** Settings of the call-from-site widget. */
import * as v from 'valibot';
import { CallAppearanceSchema } from './appearance';
import { AddresseeSchema } from './callback-mode';
import { settingsEntries } from './common-settings';
import { PhoneSchema } from './contacts';

/** Where a call goes when nobody answers in time, nobody is online, or out of hours. */
export const CallFallbackSchema = v.variant(
  'kind',
  [
    /** Offer a callback: the call ends "nobody can answer" and the widget offers the callback. */
    v.object({ kind: v.literal('callback') }),
    /** An external number, through the account's SIP trunk. */
    v.object({ kind: v.literal('external'), number: PhoneSchema }),
  ],
  'must be "callback" or "external"',
);

/** Everything a marketer sets on a call widget (its SIP line is the platform's, not a setting). */
export const CallSettingsSchema = v.object(
  settingsEntries(v.literal('call'), {
    /**
     * Who answers calls to the widget's line: an employee (console and external phone), a group
     * (its members' consoles and phones), or an external number; null = every operator's console.
     */
    forwarding: v.nullable(AddresseeSchema),
    /** Consoles and external phones ring at once, or the consoles first, then the phones. */
    ringing: v.optional(
      v.picklist(['together', 'sequential'], 'must be "together" or "sequential"'),
      'together',
    ),
    /** How long each ring lasts before the next step (the phones, then the fallback), seconds. */
    ringSeconds: v.optional(
      v.pipe(v.number(), v.integer('must be whole seconds'), v.minValue(5), v.maxValue(120)),
      20,
    ),
    /** After the ring, with nobody online, or out of hours. */
    fallback: v.optional(CallFallbackSchema, { kind: 'callback' }),
    /** The number the telephone network sees as the caller; null = the trunk's. */
    outgoingNumber: v.optional(v.nullable(PhoneSchema), null),
    /** Show a dial pad for DTMF during the call. */
    dialPad: v.boolean('must be true or false'),
    /** Offer to continue the call in a small separate window, so browsing does not end it. */
    popOut: v.boolean('must be true or false'),
    appearance: CallAppearanceSchema,
  }),
);

/** Settings of a call widget. */
export type CallSettings = v.InferOutput<typeof CallSettingsSchema>;
