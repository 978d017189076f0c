/**
 * What a customer can send besides text, the same input for every messenger of the sandbox
 * (each turns it into its own message shape): a photo or a file (its bytes given as base64, or
 * the sandbox's sample picture or document), a sticker, a location, a contact, a voice message.
 */
import * as v from 'valibot';

/** The most bytes a customer's file holds here: enough for a test of any cap. */
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;

const base64 = v.pipe(
  v.string('data must be base64 text'),
  v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'data must be base64 text'),
);
const caption = v.optional(v.pipe(v.string('caption must be text'), v.maxLength(1024)));
const fileName = v.pipe(
  v.string('fileName must be text'),
  v.minLength(1, 'fileName must not be empty'),
  v.maxLength(255, 'fileName must be at most 255 characters'),
);

/** The control API's body of a customer's media message. */
export const CustomerMediaInput = v.variant(
  'type',
  [
    v.object({
      type: v.literal('photo'),
      caption,
      data: v.optional(base64),
      fileName: v.optional(fileName),
    }),
    v.object({
      type: v.literal('file'),
      fileName,
      mimeType: v.optional(
        v.pipe(v.string(), v.regex(/^[\w.+-]+\/[\w.+-]+$/, 'mimeType must be a type/subtype')),
      ),
      caption,
      data: v.optional(base64),
    }),
    v.object({
      type: v.literal('sticker'),
      emoji: v.optional(v.pipe(v.string(), v.maxLength(16))),
    }),
    v.object({
      type: v.literal('location'),
      latitude: v.pipe(v.number('latitude must be a number'), v.minValue(-90), v.maxValue(90)),
      longitude: v.pipe(v.number('longitude must be a number'), v.minValue(-180), v.maxValue(180)),
    }),
    v.object({
      type: v.literal('contact'),
      name: v.pipe(v.string('name must be text'), v.minLength(1), v.maxLength(128)),
      phone: v.pipe(
        v.string('phone must be text'),
        v.regex(/^\+?[\d ()-]{3,32}$/, 'phone must be a phone number'),
      ),
    }),
    v.object({
      type: v.literal('voice'),
      duration: v.pipe(
        v.number('duration must be a number'),
        v.integer(),
        v.minValue(1),
        v.maxValue(3600),
      ),
    }),
  ],
  'type must be photo, file, sticker, location, contact or voice',
);

/** A customer's media message, as the control API and tests give it. */
export type CustomerMedia = v.InferInput<typeof CustomerMediaInput>;
