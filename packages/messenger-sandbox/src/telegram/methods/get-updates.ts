/**
 * getUpdates: long polling as Telegram serves it. `offset` confirms every update below it (a
 * negative one keeps only the last -offset), `limit` is 1–100, `timeout` 0–50 seconds. A call
 * that has to wait ends the one already waiting with 409 "terminated by other getUpdates
 * request"; while a webhook is set, every call gets 409.
 */
import type { Update } from '@grammyjs/types';
import { conflict } from '../api-error';
import { allowedUpdates } from './allowed-updates';
import { clamp, type MethodCall } from './method-call';

/** The longest long poll Telegram holds, in seconds. */
const MAX_TIMEOUT = 50;

export function getUpdates({
  telegram,
  state,
  params,
  signal,
}: MethodCall): Update[] | Promise<Update[]> {
  if (state.webhook) {
    throw conflict(
      "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const offset = params.integer('offset') ?? 0;
  const limit = clamp(params.integer('limit') ?? 100, 1, 100);
  const timeout = clamp(params.integer('timeout') ?? 0, 0, MAX_TIMEOUT);
  state.queue.setAllowed(allowedUpdates(params));
  if (offset !== 0) state.queue.confirm(offset);
  const ready = state.queue.peek(limit);
  if (ready.length > 0 || timeout === 0) return ready;
  state.longPoll?.abort(
    conflict(
      'terminated by other getUpdates request; make sure that only one bot instance is running',
    ),
  );
  return new Promise((resolve, reject) => {
    const poll = {
      abort(error: Error) {
        finish();
        reject(error);
      },
    };
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', hungUp);
      if (state.longPoll === poll) state.longPoll = undefined;
    };
    const answer = () => {
      finish();
      resolve(state.queue.peek(limit));
    };
    const hungUp = () => {
      finish();
      resolve([]);
    };
    const timer = setTimeout(answer, timeout * 1000);
    const unsubscribe = state.queue.onPush(answer);
    signal.addEventListener('abort', hungUp);
    state.longPoll = poll;
    telegram.emit({ type: 'long-poll', bot: state.bot.username });
  });
}
