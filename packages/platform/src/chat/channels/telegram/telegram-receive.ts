import type { Update } from '@grammyjs/types';
import type { CursorGuard } from '../channel-types';
import { FenceLost } from '../leases';
import { receiveHandoff } from '../receive-handoff';
import { type InboundUpdate, type ReceiveDeps, receiveMessage } from '../receive-message';
import { receiveRating } from '../receive-rating';
import { readUpdate } from './telegram-update';

/**
 * Handles one update of a widget's bot: a message is stored (once), `/start <token>` joins a
 * hand-off, a plain `/start` meets the customer, a rating's mark rates the conversation;
 * anything else only moves the cursor. Whatever it is, the cursor moves past it under the
 * poller's fence (none for a webhook).
 * @throws {FenceLost} when the poller's lease moved on: nothing changed.
 */
export async function receiveTelegramUpdate(
  deps: ReceiveDeps,
  source: Omit<InboundUpdate, 'externalId' | 'guard' | 'messenger'>,
  update: Update,
  guard: CursorGuard | undefined,
): Promise<void> {
  const inbound: InboundUpdate = {
    ...source,
    messenger: 'telegram',
    externalId: String(update.update_id),
    guard,
  };
  const read = readUpdate(update);
  if (read.kind === 'ignored') return skip(deps, guard);
  const peer = await deps.store.channels.peers.meet({
    accountId: source.widget.accountId,
    widgetId: source.widget.id,
    messenger: 'telegram',
    externalId: read.customer.chatId,
    name: read.customer.name,
    username: read.customer.username,
    ...(read.kind === 'message' && read.phone ? { phone: read.phone } : {}),
    now: deps.clock().getTime(),
  });
  if (read.kind === 'message') {
    await receiveMessage(deps, inbound, peer, read.text);
  } else if (read.kind === 'rating') {
    await receiveRating(deps, inbound, peer, read);
  } else if (read.payload && /^[A-Za-z0-9_-]{1,64}$/.test(read.payload)) {
    await receiveHandoff(deps, inbound, peer, read.payload);
  } else {
    // A plain Start: the customer is met; their first words open the conversation.
    await skip(deps, guard);
  }
}

async function skip(deps: ReceiveDeps, guard: CursorGuard | undefined): Promise<void> {
  if (guard && !(await deps.store.channels.inbound.skip(guard, deps.clock().getTime()))) {
    throw new FenceLost(guard.credential);
  }
}
