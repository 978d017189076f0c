/**
 * How a callback order is served: the platform connects visitor and employee itself
 * (automatic), or notifies staff who call back (manual). The callback widget and the chat's
 * callback channel share this one schema.
 */
import * as v from 'valibot';
import { EmailListSchema, PhoneListSchema, PhoneSchema } from './contacts';
import { crossCheck } from './cross-check';
import { ReceiverSchema } from './receiver';

/** Who takes an automatic callback: an employee or a group, or an external number. */
export const AddresseeSchema = v.variant(
  'kind',
  [ReceiverSchema, v.object({ kind: v.literal('external'), number: PhoneSchema })],
  'must be "employee", "group" or "external"',
);

/** The directions an automatic callback may dial the visitor's number in. */
export const DirectionsSchema = v.pipe(
  v.object({
    /** Numbers of the company's own area. */
    local: v.boolean('must be true or false'),
    /** Other numbers of the company's country. */
    national: v.boolean('must be true or false'),
    /** Numbers abroad. */
    international: v.boolean('must be true or false'),
  }),
  v.check(
    (d) => d.local || d.national || d.international,
    'allow at least one direction, or no callback can be placed',
  ),
);

const wholeNumber = (min: number, max: number, message: string) =>
  v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

/**
 * How often the platform tries to connect an automatic order before it gives up: `attempts`
 * calls `intervalMinutes` apart, each leg ringing `ringSeconds`; after the last one the order
 * rings the consoles as a card and `notify` gets one e-mail or SMS each (manual mode's way).
 */
export const RetryPolicySchema = v.object({
  attempts: wholeNumber(1, 10, 'must be a whole number from 1 to 10'),
  intervalMinutes: wholeNumber(1, 1440, 'must be a whole number from 1 to 1440'),
  ringSeconds: wholeNumber(5, 120, 'must be a whole number from 5 to 120'),
  notify: v.object({ emails: EmailListSchema, smsNumbers: PhoneListSchema }),
});

/** The policy of a widget that names none: three attempts, five minutes apart. */
export const DEFAULT_RETRY_POLICY: v.InferOutput<typeof RetryPolicySchema> = {
  attempts: 3,
  intervalMinutes: 5,
  ringSeconds: 30,
  notify: { emails: [], smsNumbers: [] },
};

/** Automatic mode: the platform calls the addressee and the visitor and connects them. */
export const AutomaticModeSchema = v.object({
  kind: v.literal('automatic'),
  /** Null while none is chosen: every operator of the account is offered the call. */
  addressee: v.nullable(AddresseeSchema),
  /** The caller id the visitor sees; null = the account's default number. */
  outgoingNumber: v.nullable(PhoneSchema),
  directions: DirectionsSchema,
  /** Absent: {@link DEFAULT_RETRY_POLICY}. */
  retries: v.optional(RetryPolicySchema),
});

/** Manual mode: staff are notified by e-mail and/or SMS and call back themselves. */
export const ManualModeSchema = v.pipe(
  v.object({
    kind: v.literal('manual'),
    emails: EmailListSchema,
    /** Numbers in E.164. */
    smsNumbers: PhoneListSchema,
  }),
  crossCheck(
    [['emails'], ['smsNumbers']],
    (m) => m.emails.length + m.smsNumbers.length > 0,
    'give at least one e-mail address or SMS number to notify',
    ['emails'],
  ),
);

/** The callback mode, automatic or manual. */
export const CallbackModeSchema = v.variant(
  'kind',
  [AutomaticModeSchema, ManualModeSchema],
  'must be "automatic" or "manual"',
);

/** An automatic widget's retry policy (`retries`). */
export type RetryPolicy = v.InferOutput<typeof RetryPolicySchema>;
