/** One message of the chat: who wrote it, the text, the time, the bot's inline buttons. */
import type { InlineKeyboardMarkup } from '@grammyjs/types';
import type { ChatMessage } from './control-types';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export interface MessageViewProps {
  entry: ChatMessage;
  botName: string;
  /** Presses a callback button of this message. */
  onPress: (messageId: number, data: string) => void;
}

/** A customer's media message in words: `[photo] caption`, `[sticker 😀]`… */
function mediaLine(message: ChatMessage['message']): string {
  const m = message as unknown as Record<string, unknown> & {
    caption?: string;
    document?: { file_name?: string };
    sticker?: { emoji?: string };
  };
  const what = m.photo
    ? '[photo]'
    : m.document
      ? `[file ${m.document.file_name ?? ''}]`
      : m.sticker
        ? `[sticker ${m.sticker.emoji ?? ''}]`
        : m.location
          ? '[location]'
          : m.contact
            ? '[contact]'
            : m.voice
              ? '[voice message]'
              : '';
  return m.caption ? `${what} ${m.caption}` : what;
}

export function MessageView({ entry, botName, onPress }: MessageViewProps) {
  const { message } = entry;
  const date = new Date(message.date * 1000);
  const keyboard = (message as { reply_markup?: InlineKeyboardMarkup }).reply_markup;
  return (
    <li class={`message from-${entry.sender}`}>
      <span class="visually-hidden">{entry.sender === 'bot' ? botName : 'You'}: </span>
      <p class="text">{'text' in message ? message.text : mediaLine(message)}</p>
      <time dateTime={date.toISOString()}>{time.format(date)}</time>
      {keyboard && (
        <div class="keyboard">
          {keyboard.inline_keyboard.map((row, index) => (
            <div class="row" key={index}>
              {row.map((button) =>
                'callback_data' in button ? (
                  <button
                    type="button"
                    key={button.callback_data}
                    onClick={() => onPress(message.message_id, button.callback_data)}
                  >
                    {button.text}
                  </button>
                ) : 'url' in button ? (
                  <a
                    class="button"
                    key={button.url}
                    href={button.url}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {button.text}
                  </a>
                ) : null,
              )}
            </div>
          ))}
        </div>
      )}
    </li>
  );
}
