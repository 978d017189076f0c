import type { Update } from '@grammyjs/types';
import type { CursorGuard } from '../channel-types';
import { skipUpdate } from '../leases';
import { ratingTexts } from '../rating-texts';
import { isHandoffToken, receiveHandoff } from '../receive-handoff';
import { type InboundUpdate, type ReceiveDeps, receiveMessage } from '../receive-message';
import { receiveRating } from '../receive-rating';
import { callTelegram, type TelegramBot } from './telegram-api';
import { readUpdate } from './telegram-update';

/** How long answering a button's press may take. */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Handles one update of a widget's bot: a message is stored (once), `/start <token>` joins a
 * hand-off, a plain `/start` meets the customer, a rating's mark rates the conversation;
 * anything else only moves the cursor. Whatever it is, the cursor moves past it under the
 * poller's fence (none for a webhook).
 * @throws {FenceLost} when the poller's lease moved on: nothing changed.
 */
export async function receiveTelegramUpdate(
  deps: ReceiveDeps,
  source: Omit<InboundUpdate, 'externalId' | 'guard' | 'messenger'> & {
    /** The bot, to answer a button's press (Telegram's spinner stops, the thanks shows). */
    bot?: TelegramBot;
  },
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
    await receiveMessage(deps, inbound, peer, read.content);
  } else if (read.kind === 'rating') {
    const rated = await receiveRating(deps, inbound, peer, read);
    if (source.bot) {
      const thanks = ratingTexts(source.widget.settings).thanks;
      // Best effort: the rating is stored; an unanswered press only spins a while.
      await callTelegram(
        source.bot,
        'answerCallbackQuery',
        { callback_query_id: read.callbackQueryId, ...(rated ? { text: thanks } : {}) },
        { timeoutMs: ANSWER_TIMEOUT_MS },
      ).catch((error: unknown) => console.warn(`chat: answerCallbackQuery: ${String(error)}`));
    }
  } else if (isHandoffToken(read.payload)) {
    await receiveHandoff(deps, inbound, peer, read.payload);
  } else {
    // A plain Start: the customer is met; their first words open the conversation.
    await skip(deps, guard);
  }
}

async function skip(deps: ReceiveDeps, guard: CursorGuard | undefined): Promise<void> {
  if (guard) await skipUpdate(deps.store.channels.inbound, guard, deps.clock().getTime());
}
