/** Who on the staff side handles something: an employee or a group of them. */
import * as v from 'valibot';
import { requiredText } from './text';

/** An employee or a group, by the platform's id (the platform checks that it exists). */
export const ReceiverSchema = v.object({
  kind: v.picklist(['employee', 'group'], 'must be "employee" or "group"'),
  id: requiredText(100),
});

/**
 * An employee or a group, or null while none is chosen yet (a new widget): then every operator
 * of the account is offered the work, so a fresh widget is never a dead end.
 */
export const OptionalReceiverSchema = v.nullable(ReceiverSchema);

/** An employee or a group, by the platform's id. */
export type Receiver = v.InferOutput<typeof ReceiverSchema>;
