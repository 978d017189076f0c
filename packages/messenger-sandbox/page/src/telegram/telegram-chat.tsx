/**
 * The chat with one bot, as its customer: the messages both ways, "typing…", the bot's inline
 * buttons and their answers, a field to write in; Start for a deep link, Block and Unblock.
 */
import { request } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Compose } from '../compose';
import { MediaButtons } from '../media-buttons';
import { ChatLog, ErrorLine } from '../page-parts';
import { isTyping } from './chat-state';
import type { Customer, ListedBot } from './control-types';
import { CustomerForm } from './customer-form';
import { MessageView } from './message-view';
import { displayName, forgetProfile, registerCustomer, savedProfile } from './profile';
import { useChat } from './use-chat';

export interface TelegramChatProps {
  /** The bot's username, from the path. */
  bot: string;
  /** The deep link's payload (`?start=`), sent as `/start <payload>` when the customer presses Start. */
  start?: string;
}

export function TelegramChat({ bot, start }: TelegramChatProps) {
  const [found, setFound] = useState<ListedBot | null>();
  const [customer, setCustomer] = useState<Customer>();
  const [asking, setAsking] = useState(false);
  const [pendingStart, setPendingStart] = useState(start);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const chat = useChat(bot, customer?.id);
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => {
    request<ListedBot[]>('/control/telegram/bots').then(
      (bots) => setFound(bots.find((b) => b.username.toLowerCase() === bot.toLowerCase()) ?? null),
      (failure: Error) => setError(failure.message),
    );
    const saved = savedProfile();
    if (!saved) return setAsking(true);
    registerCustomer(saved).then(setCustomer, () => setAsking(true));
  }, [bot]);

  useEffect(() => {
    log.current?.querySelector('li:last-child')?.scrollIntoView({ block: 'nearest' });
  }, [chat.messages?.length]);

  useEffect(() => {
    document.title = found ? `${found.firstName} — Messenger sandbox` : 'Messenger sandbox';
  }, [found]);

  if (found === null) {
    return (
      <>
        <h1>No bot @{bot}</h1>
        <p>
          The sandbox has no such bot. <a href="/">Make one on the home page.</a>
        </p>
      </>
    );
  }
  const botName = found?.firstName ?? `@${bot}`;
  const base = `/control/telegram/bots/${bot}/chats/${customer?.id}`;
  /** Runs a control call; shows its failure. */
  const act = async (path: string, method: string, body?: unknown) => {
    setError(undefined);
    try {
      await request(`${base}${path}`, { method, ...(body === undefined ? {} : { body }) });
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    }
  };
  const send = async (event: Event) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    if (await act('/messages', 'POST', { text: draft })) setDraft('');
  };
  const pressStart = async () => {
    if (await act('/start', 'POST', pendingStart ? { payload: pendingStart } : {})) {
      setPendingStart(undefined);
      history.replaceState(null, '', `/telegram/${bot}`);
    }
  };
  const typing = isTyping(chat, Date.now());

  return (
    <>
      <div class="chat-head">
        <h1>
          {botName} <span class="handle">@{found?.username ?? bot}</span>
        </h1>
        <p class="typing" role="status">
          {typing ? `${botName} is typing…` : ''}
        </p>
      </div>
      {asking && !customer ? (
        <CustomerForm
          onReady={(ready) => {
            setCustomer(ready);
            setAsking(false);
          }}
        />
      ) : customer ? (
        <>
          <p class="you">
            You are {displayName(customer)}
            {customer.username ? ` (@${customer.username})` : ''}.{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                forgetProfile();
                setCustomer(undefined);
                setAsking(true);
              }}
            >
              Be someone else
            </button>{' '}
            {!chat.blocked && (
              <button
                type="button"
                class="link"
                onClick={() => act('/blocked', 'PUT', { blocked: true })}
              >
                Block the bot
              </button>
            )}
          </p>
          <ChatLog name={botName} empty={chat.messages?.length === 0} logRef={log}>
            {chat.messages?.map((entry) => (
              <MessageView
                key={entry.message.message_id}
                entry={entry}
                botName={botName}
                onPress={(messageId, data) => act('/presses', 'POST', { messageId, data })}
              />
            ))}
          </ChatLog>
          {chat.answer &&
            (chat.answer.alert ? (
              <p class="answer" role="alert">
                {chat.answer.text}
              </p>
            ) : (
              <p class="answer" role="status">
                {chat.answer.text}
              </p>
            ))}
          {chat.blocked ? (
            <div class="compose">
              <p>You blocked this bot.</p>
              <button
                type="button"
                class="primary"
                onClick={() => act('/blocked', 'PUT', { blocked: false })}
              >
                Unblock
              </button>
            </div>
          ) : pendingStart !== undefined ? (
            <div class="compose">
              <button type="button" class="primary start" onClick={pressStart}>
                Start
              </button>
            </div>
          ) : (
            <>
              <Compose
                id="compose-text"
                maxLength={4096}
                draft={draft}
                setDraft={setDraft}
                onSend={(event) => void send(event)}
              />
              <MediaButtons
                kinds={['photo', 'file', 'sticker', 'location', 'contact', 'voice']}
                send={(body) => void act('/media', 'POST', body)}
              />
            </>
          )}
        </>
      ) : (
        <p>Loading…</p>
      )}
      <ErrorLine error={error} />
    </>
  );
}
