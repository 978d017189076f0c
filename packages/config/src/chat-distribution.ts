/**
 * How a group's conversations reach its members (issue 23; the source's "rules for text
 * enquiries", section 4.4), and the `/ops` shapes that go with it: hand-overs and queues.
 */
import * as v from 'valibot';
import { text } from './text';

/** The longest first-answer wait a group may set: a day. */
export const MAX_ANSWER_SECONDS = 86_400;
/** The most open conversations a group may let one member hold. */
export const MAX_CHAT_LIMIT = 100;

/**
 * A group's rules for text enquiries. `everyone`: every member sees a new conversation and the
 * first to reply takes it. `distribute`: one online member at a time, in turn, skipping those who
 * hold `limit` open conversations (0: none by turn; all wait in the queue); past `answerSeconds`
 * without a first answer the conversation moves to the next member (0 = no limit).
 */
export const GroupChatRulesSchema = v.object({
  mode: v.picklist(['everyone', 'distribute'], 'must be "everyone" or "distribute"'),
  limit: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must be 0 or more'),
    v.maxValue(MAX_CHAT_LIMIT, `must be at most ${MAX_CHAT_LIMIT}`),
  ),
  answerSeconds: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must be 0 or more'),
    v.maxValue(MAX_ANSWER_SECONDS, `must be at most ${MAX_ANSWER_SECONDS}`),
  ),
});

/** A group's rules for text enquiries. */
export type GroupChatRules = v.InferOutput<typeof GroupChatRulesSchema>;

/** A hand-over note's longest length. */
export const MAX_TRANSFER_NOTE = 2000;

/**
 * Operator → platform `chat:transfer`: hand a conversation to a colleague (who holds it then) or
 * to a group (held by nobody: its members, or its distribution, take it), with a note.
 */
export const OperatorTransferSchema = v.object({
  conversationId: text(64),
  to: v.variant('kind', [
    v.object({ kind: v.literal('employee'), id: text(64) }),
    v.object({ kind: v.literal('group'), id: text(64) }),
  ]),
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_TRANSFER_NOTE))),
});

/** Whom `chat:transfer` hands a conversation to: a colleague or a group. */
export type TransferTarget = v.InferOutput<typeof OperatorTransferSchema>['to'];

/** How a conversation last changed hands, on the wire. */
export interface ConversationTransfer {
  /** `operator`: handed over by hand; `timeout`: its holder did not answer in time. */
  reason: 'operator' | 'timeout';
  /** The operator who handed it over, or the holder it moved from. */
  from: string | null;
  note: string | null;
  at: string;
}

/** Platform → operator `chat:queue` (and `chat:queues`): a distributing group's queue. */
export interface ChatQueue {
  groupId: string;
  name: string;
  /** Conversations waiting for a member. */
  length: number;
  /** How long the longest of them has waited, when told; 0 when none waits. */
  longestWaitSeconds: number;
}
