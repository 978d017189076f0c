/** What the control API accepts to make a bot or a customer, in Telegram's own limits. */
import * as v from 'valibot';

/** A bot token: the bot's id, a colon, the secret (Telegram's shape, `123456:ABC-DEF…`). */
export const TOKEN_PATTERN = /^([1-9]\d{0,15}):[A-Za-z0-9_-]{30,64}$/;

const name = (what: string, max: number) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.trim(),
    v.minLength(1, `${what} must not be empty`),
    v.maxLength(max, `${what} must be at most ${max} characters`),
  );

/** A new bot: username (5–32 characters, ending in "bot"), display name, optional fixed token. */
export const BotInput = v.object({
  username: v.pipe(
    v.string('username must be text'),
    v.regex(
      /^[A-Za-z][A-Za-z0-9_]{1,28}[Bb][Oo][Tt]$/,
      'username must be 5–32 letters, digits or _, start with a letter and end in "bot"',
    ),
  ),
  firstName: v.optional(name('firstName', 64)),
  token: v.optional(
    v.pipe(
      v.string('token must be text'),
      v.regex(TOKEN_PATTERN, 'token must look like 123456:AA…'),
    ),
  ),
});

/** A customer: as a Telegram profile has them (an id to update one already made). */
export const CustomerInput = v.object({
  id: v.optional(v.pipe(v.number('id must be a number'), v.integer('id must be an integer'))),
  firstName: name('firstName', 64),
  lastName: v.optional(name('lastName', 64)),
  username: v.optional(
    v.pipe(
      v.string('username must be text'),
      v.regex(/^[A-Za-z][A-Za-z0-9_]{4,31}$/, 'username must be 5–32 letters, digits or _'),
    ),
  ),
  languageCode: v.optional(
    v.pipe(v.string('languageCode must be text'), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)),
  ),
});

/** What {@link CustomerInput} takes. */
export type CustomerFields = v.InferInput<typeof CustomerInput>;
