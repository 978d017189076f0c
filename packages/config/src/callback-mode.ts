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

/** Automatic mode: the platform calls the addressee and the visitor and connects them. */
export const AutomaticModeSchema = v.object({
  kind: v.literal('automatic'),
  /** Null while none is chosen: every operator of the account is offered the call. */
  addressee: v.nullable(AddresseeSchema),
  /** The caller id the visitor sees; null = the account's default number. */
  outgoingNumber: v.nullable(PhoneSchema),
  directions: DirectionsSchema,
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
