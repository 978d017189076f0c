/** The personal-data consent checkbox of a widget's form. */
import * as v from 'valibot';
import { localizedText } from './localized-text';

/** Longest consent text: room for a sentence and a link to the policy. */
export const MAX_CONSENT_TEXT = 1000;

/**
 * Whether Send waits for an "I agree to the processing of personal data" tick, and the
 * checkbox's own wording (the widget's built-in ru/en wording when absent).
 */
export const ConsentSchema = v.object({
  required: v.boolean('must be true or false'),
  text: v.optional(localizedText(MAX_CONSENT_TEXT)),
});
