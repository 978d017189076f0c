/**
 * The chat with one VK community, as its user: opening it (from a `vk.me/<community>?ref=…`
 * link: the ref rides on the first message), the messages both ways, the buttons of the
 * community's last message and "typing…", a field to write in and the samples to send (VK has
 * no contact cards).
 */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import type { VkChatMessage, VkCommunity, VkEvent, VkUser } from '../../../src/vk/vk-model';
import { Compose } from '../compose';
import { ChatHead, nameTyped, registerKept } from '../customer-parts';
import { MediaButtons } from '../media-buttons';
import { ChatEntry, ChatLog, Choices, ErrorLine, NameForm } from '../page-parts';

type ListedCommunity = Omit<VkCommunity, 'token'>;
const KEY = 'messenger-sandbox:vk:user';

export function VkChat({ community, linkRef: ref }: { community: string; linkRef?: string }) {
  const [found, setFound] = useState<ListedCommunity | null>();
  const [user, setUser] = useState<VkUser>();
  const [messages, setMessages] = useState<VkChatMessage[]>();
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const base = `/control/vk/communities/${community}/chats/${user?.id ?? 0}`;
  const act = async (path: string, body: unknown) => {
    setError(undefined);
    try {
      await request(`${base}${path}`, { method: 'POST', body });
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    }
  };
  useEffect(() => {
    request<ListedCommunity[]>('/control/vk/communities').then(
      (all) =>
        setFound(
          all.find(
            (c) =>
              c.screenName.toLowerCase() === community.toLowerCase() || String(c.id) === community,
          ) ?? null,
        ),
      (failure: Error) => setError(failure.message),
    );
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as VkUser | null;
    if (saved) {
      const name = `${saved.firstName} ${saved.lastName}`.trim();
      request<VkUser>('/control/vk/users', { method: 'POST', body: { id: saved.id, name } }).then(
        setUser,
        () => localStorage.removeItem(KEY),
      );
    }
  }, [community]);
  useEffect(() => {
    if (!user || !found) return;
    void act('/open', ref ? { ref } : {}).then((opened) => {
      if (opened && ref) history.replaceState(null, '', `/vk/${community}`);
    });
    const source = new EventSource(
      `/control/vk/communities/${found.screenName}/chats/${user.id}/events`,
    );
    source.addEventListener('snapshot', (event) => setMessages(JSON.parse(event.data).messages));
    source.addEventListener('message', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as VkEvent;
      if (data.type !== 'message') return;
      setTyping(false);
      setMessages((messages) => [...(messages ?? []), data.entry]);
    });
    source.addEventListener('typing', () => setTyping(true));
    return () => source.close();
  }, [user?.id, found?.id]);

  if (found === null) {
    return (
      <>
        <h1>No VK community {community}</h1>
        <p>
          The sandbox has no such community. <a href="/">Make one on the home page.</a>
        </p>
      </>
    );
  }
  const name = found?.name ?? community;
  const buttons = messages?.findLast((m) => m.from === 'community')?.keyboard;
  const identify = async (event: Event) => {
    try {
      setUser(await registerKept<VkUser>(KEY, '/control/vk/users', { name: nameTyped(event) }));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const send = async (event: Event) => {
    event.preventDefault();
    if (draft.trim() !== '' && (await act('/messages', { text: draft }))) setDraft('');
  };
  return (
    <>
      <ChatHead name={name} messenger="VK" typing={typing} />
      {!user ? (
        <NameForm id="vk" where="in VK" onSubmit={identify} />
      ) : (
        <>
          <p class="you">
            You are {user.firstName} {user.lastName}.
          </p>
          <ChatLog name={name} empty={messages?.length === 0}>
            {messages?.map((m) => (
              <ChatEntry key={m.id} fromCustomer={m.from === 'user'} text={m.text} />
            ))}
          </ChatLog>
          {buttons && (
            <Choices
              legend="The community's buttons"
              choices={buttons
                .filter((button) => button.payload !== undefined)
                .map((button) => ({
                  key: button.payload ?? button.label,
                  label: button.label,
                  choose: () => void act('/presses', { payload: button.payload }),
                }))}
            />
          )}
          <Compose
            id="vk-text"
            maxLength={4096}
            draft={draft}
            setDraft={setDraft}
            onSend={(event) => void send(event)}
          />
          <MediaButtons
            kinds={['photo', 'file', 'sticker', 'location', 'voice']}
            send={(body) => void act('/media', body)}
          />
        </>
      )}
      <ErrorLine error={error} />
    </>
  );
}
