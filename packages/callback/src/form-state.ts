/**
 * The callback form's state: what the visitor entered, the slots' moment, whether it is being
 * sent, its errors, and the order once placed (or kept offline).
 */
import type { Variant } from '@frontdesk/core';
import type { CallbackOrder } from './submit-callback';

/** A field of the form that can be in error. */
export type Field = 'phone' | 'when' | 'consent';

/** What the form holds and where it stands. */
export interface FormState {
  /** Turns non-working when the platform answers `closed_now`. */
  variant: Variant;
  name: string;
  /** "now", a slot's start (ISO), or "" (nothing chosen yet). */
  when: string;
  consent: boolean;
  /** The honeypot's value. */
  website: string;
  attempted: boolean;
  sending: boolean;
  fieldError?: { field: Field; text: string } | undefined;
  alert: string;
  order?: CallbackOrder | undefined;
  /** The order is kept in the browser until the network is back. */
  kept?: boolean;
  /** What the live region says. */
  announcement: string;
  /** When the offered slots were computed. */
  slotsAt: Date;
}
