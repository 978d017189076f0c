/**
 * Telegram's way to a customer's file: `getFile` with its `file_id` (the path, valid for at
 * least an hour, and the size), then the bytes from `<TELEGRAM_API_URL>/file/bot<token>/<path>`.
 * Telegram's answers become outcomes: 429 waits its `retry_after`; a 5xx or no answer is tried
 * again; "file is too big" (Telegram gives bots files up to 20 MB) and any other refusal are
 * final, in words the operator reads. The bot's token never shows in them.
 */
import type { Store } from '../../../storage/store';
import type { AttachmentFetcher } from '../attachments/attachment-types';
import { tooLarge } from '../attachments/content-check';
import { downloadCapped } from '../attachments/download';
import { callTelegram, TelegramError, telegramOutcome } from './telegram-api';
import { telegramToken } from './telegram-token';

const GET_FILE_TIMEOUT_MS = 30_000;

/** The fetcher of Telegram's attachments over TELEGRAM_API_URL. */
export function telegramFetcher(store: Store, apiUrl: string): AttachmentFetcher {
  return async ({ attachment, maxBytes, now }) => {
    const widget = await store.widgets.get(attachment.widgetId);
    const token = widget && widget.deletedAt === null && (await telegramToken(store, widget));
    if (!token) return { status: 'failed', error: 'This chat has no Telegram bot any more.' };
    let path: string | undefined;
    try {
      const file = await callTelegram(
        { apiUrl, token },
        'getFile',
        { file_id: attachment.source },
        { timeoutMs: GET_FILE_TIMEOUT_MS },
      );
      if ((file.file_size ?? 0) > maxBytes) return { status: 'failed', error: tooLarge(maxBytes) };
      path = file.file_path;
    } catch (error) {
      if (error instanceof TelegramError && /file is too big/i.test(error.description)) {
        return {
          status: 'failed',
          error: 'Telegram gives bots files up to 20 MB; this one is larger.',
        };
      }
      return telegramOutcome(error);
    }
    if (!path) return { status: 'failed', error: 'Telegram has no download for this file.' };
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return downloadCapped(`${apiUrl}/file/bot${token}/${encoded}`, {
      what: 'Telegram',
      maxBytes,
      now,
      allowed: (url) => url.origin === new URL(apiUrl).origin,
    });
  };
}
