/**
 * The chat with one Viber bot, as its user: opening it (with a link's `context`, as
 * `viber://pa?chatURI=…&context=…` does: the bot hears conversation_started), the messages both
 * ways, the keyboard the bot's last message shows, a field to write in, subscribing and
 * unsubscribing.
 */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { Compose } from '../compose';
import { MediaButtons } from '../media-buttons';
import { ChatEntry, ChatLog, Choices, ErrorLine, NameForm } from '../page-parts';
import { useViberChat } from './use-viber-chat';
import { forgetViberUser, registerViberUser, savedViberUser } from './viber-profile';
import type { ListedViberBot, ViberUser } from './viber-types';

export function ViberChat({ uri, context }: { uri: string; context?: string }) {
  const [found, setFound] = useState<ListedViberBot | null>();
  const [user, setUser] = useState<ViberUser>();
  const [asking, setAsking] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const chat = useViberChat(uri, user?.id);
  const base = `/control/viber/bots/${uri}/chats/${encodeURIComponent(user?.id ?? '')}`;
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

  useEffect(() => {
    request<ListedViberBot[]>('/control/viber/bots').then(
      (bots) => setFound(bots.find((b) => b.uri.toLowerCase() === uri.toLowerCase()) ?? null),
      (failure: Error) => setError(failure.message),
    );
    const saved = savedViberUser();
    if (!saved) return setAsking(true);
    registerViberUser(saved).then(setUser, () => setAsking(true));
  }, [uri]);

  // Opening the chat is what Viber tells the bot as conversation_started.
  useEffect(() => {
    if (!user || !found) return;
    void act('/open', 'POST', context ? { context } : {}).then((opened) => {
      if (opened && context) history.replaceState(null, '', `/viber/${uri}`);
    });
  }, [user?.id, found?.uri]);

  if (found === null) {
    return (
      <>
        <h1>No Viber bot {uri}</h1>
        <p>
          The sandbox has no such bot. <a href="/">Make one on the home page.</a>
        </p>
      </>
    );
  }
  const name = found?.name ?? uri;
  const keyboard = chat.messages?.findLast((m) => m.sender === 'bot')?.keyboard;
  const send = async (event: Event) => {
    event.preventDefault();
    if (draft.trim() !== '' && (await act('/messages', 'POST', { text: draft }))) setDraft('');
  };
  const identify = async (event: Event) => {
    event.preventDefault();
    const field = new FormData(event.currentTarget as HTMLFormElement).get('name');
    try {
      setUser(await registerViberUser({ name: String(field ?? '').trim() }));
      setAsking(false);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <>
      <div class="chat-head">
        <h1>
          {name} <span class="handle">Viber</span>
        </h1>
      </div>
      {asking && !user ? (
        <NameForm id="viber" where="in Viber" onSubmit={identify} />
      ) : user ? (
        <>
          <p class="you">
            You are {user.name}.{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                forgetViberUser();
                setUser(undefined);
                setAsking(true);
              }}
            >
              Be someone else
            </button>{' '}
            <button
              type="button"
              class="link"
              onClick={() => act('/subscribed', 'PUT', { subscribed: !chat.subscribed })}
            >
              {chat.subscribed ? 'Unsubscribe' : 'Subscribe'}
            </button>
          </p>
          <ChatLog name={name} empty={chat.messages?.length === 0}>
            {chat.messages?.map((m) => (
              <ChatEntry
                key={m.token}
                fromCustomer={m.sender === 'customer'}
                sender={m.sender === 'bot' ? (m.senderName ?? name) : 'You'}
                text={m.text}
              />
            ))}
          </ChatLog>
          {keyboard && (
            <Choices
              legend="The bot's keyboard"
              choices={keyboard.Buttons.map((button) => ({
                key: button.ActionBody,
                label: button.Text ?? button.ActionBody,
                choose: () => void act('/presses', 'POST', { actionBody: button.ActionBody }),
              }))}
            />
          )}
          <Compose
            id="viber-text"
            maxLength={7000}
            draft={draft}
            setDraft={setDraft}
            onSend={(event) => void send(event)}
          />
          <MediaButtons
            kinds={['photo', 'file', 'sticker', 'location', 'contact']}
            send={(body) => void act('/media', 'POST', body)}
          />
        </>
      ) : (
        <p>Loading…</p>
      )}
      <ErrorLine error={error} />
    </>
  );
}
