/** Where the platform notifies staff: e-mail addresses and phone numbers. */
import * as v from 'valibot';
import { text } from './text';

const EMAIL_MESSAGE = 'must be an e-mail address like name@example.com';

/**
 * An e-mail address: RFC 5322's dot-atom form (so `o'brien+tag@example.com` passes — valibot's
 * plainer `email` would refuse it), a domain with a dot (`ivan@mailru` is a typo, not a host),
 * at most 254 characters (the SMTP limit). No spaces or line breaks: it goes into mail headers.
 */
export const EmailSchema = v.pipe(
  text(254),
  v.rfcEmail(EMAIL_MESSAGE),
  v.check((s: string) => s.slice(s.lastIndexOf('@')).includes('.'), EMAIL_MESSAGE),
);

/** A phone number in E.164: "+", then 7 to 15 digits, the first not 0. */
export const PhoneSchema = v.pipe(
  text(16),
  v.regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in international format, like +74951234567'),
);

/** At most this many recipients per list: notifications fan out per address. */
export const MAX_RECIPIENTS = 10;

/** A list of e-mail addresses (possibly empty). */
export const EmailListSchema = v.pipe(
  v.array(EmailSchema, 'must be a list of e-mail addresses'),
  v.maxLength(MAX_RECIPIENTS, `must have at most ${MAX_RECIPIENTS} addresses`),
);

/** A list of phone numbers in E.164 (possibly empty). */
export const PhoneListSchema = v.pipe(
  v.array(PhoneSchema, 'must be a list of phone numbers'),
  v.maxLength(MAX_RECIPIENTS, `must have at most ${MAX_RECIPIENTS} numbers`),
);
