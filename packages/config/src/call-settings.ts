/** Settings of the call-from-site widget. */
import * as v from 'valibot';
import { CallAppearanceSchema } from './appearance';
import { settingsEntries } from './common-settings';
import { OptionalReceiverSchema } from './receiver';

/** Everything a marketer sets on a call widget (its SIP line is the platform's, not a setting). */
export const CallSettingsSchema = v.object(
  settingsEntries(v.literal('call'), {
    /** Who answers calls to the widget's line; null = every operator of the account. */
    forwarding: OptionalReceiverSchema,
    /** Show a dial pad for DTMF during the call. */
    dialPad: v.boolean('must be true or false'),
    /** Offer to continue the call in a small separate window, so browsing does not end it. */
    popOut: v.boolean('must be true or false'),
    appearance: CallAppearanceSchema,
  }),
);

/** Settings of a call widget. */
export type CallSettings = v.InferOutput<typeof CallSettingsSchema>;
