/**
 * Who can answer a widget now, beyond its working hours: `online` (someone who receives its
 * calls, orders or chats has a console open and is free), `busy` (they are, but every one of
 * them is in a call) or `nobody`. The platform answers it at `GET /v1/widgets/:key/presence`
 * (and the chat's socket with `welcome` and `presence`); the widgets promise an immediate answer
 * or call only while it is `online`.
 */
import * as v from 'valibot';

/** Someone online, all busy, or nobody. */
export const PresenceSchema = v.picklist(
  ['online', 'busy', 'nobody'],
  'must be "online", "busy" or "nobody"',
);

/** Who can answer a widget now. */
export type Presence = v.InferOutput<typeof PresenceSchema>;

/**
 * `GET /v1/widgets/:key/presence`: the widget's own presence; a chat with its callback channel
 * on also says who can call back (its callback mode's addressee, who may be other people).
 */
export const PublicPresenceSchema = v.object({
  presence: PresenceSchema,
  callback: v.optional(PresenceSchema),
});

/** The answer of `GET /v1/widgets/:key/presence`. */
export type PublicPresence = v.InferOutput<typeof PublicPresenceSchema>;
