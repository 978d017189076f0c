/**
 * Settings a marketer switches on (a mode, a channel) start from the defaults of
 * @frontdesk/config, so a new part is as valid as a new widget.
 */
import { type CallbackSettings, defaultSettings } from '@frontdesk/config';

const callback = () => defaultSettings('callback') as CallbackSettings;

/** The callback mode of a new widget (automatic, every operator, the account's number). */
export function freshAutomaticMode(): CallbackSettings['mode'] {
  return callback().mode;
}

/** A lead generator switched on, with the default triggers and repeat period. */
export function freshLeadGenerator(): CallbackSettings['leadGenerator'] {
  return { ...callback().leadGenerator, enabled: true };
}
