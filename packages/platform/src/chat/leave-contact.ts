/**
 * `leave-contact`: the form the chat offers while nobody can answer (CHAT.md). It asks for
 * consent where the widget does, and reads the phone as typed in the widget's country, with the
 * full metadata, as callback orders do; the contact it makes is saved like `contact`'s.
 */
import type { ChatSettings, LeaveContactSchema } from '@frontdesk/config';
import type * as v from 'valibot';
import { parsePhone } from '../orders';
import { ChatRefusal } from './ack';

/** What the form saves: only the fields the visitor filled in (the others keep their value). */
export interface LeftContact {
  name?: string;
  phone?: string;
  email?: string;
}

/**
 * The contact `input` leaves for a chat with `settings`.
 * @throws {ChatRefusal} `consent_required` (field `consent`) without the tick the widget asks
 * for; `invalid_phone` (field `phone`) for a number that is not one.
 */
export function contactToLeave(
  settings: Pick<ChatSettings, 'consent' | 'schedule'>,
  input: v.InferOutput<typeof LeaveContactSchema>,
): LeftContact {
  if (settings.consent.required && input.consent !== true) {
    throw new ChatRefusal(
      'consent_required',
      'Agree to the processing of personal data first.',
      'consent',
    );
  }
  const typed = input.phone?.trim();
  const phone = typed ? parsePhone(typed, settings.schedule.country ?? 'ru') : undefined;
  if (typed && !phone) {
    throw new ChatRefusal('invalid_phone', 'This is not a valid phone number.', 'phone');
  }
  const name = input.name?.trim();
  return {
    ...(name ? { name } : {}),
    ...(phone ? { phone: phone.e164 } : {}),
    ...(input.email ? { email: input.email } : {}),
  };
}
