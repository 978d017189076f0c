/**
 * A thread with one Facebook page, as the person on Messenger: opening it (from an m.me link
 * with `ref`: Get Started or a referral), the messages both ways, the page's quick replies and
 * "typing…", a field to write in.
 */
import { request } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import type {
  FacebookChatMessage,
  FacebookEvent,
  FacebookPage,
  FacebookPerson,
} from '../../../src/facebook/facebook-model';
import { Compose } from '../compose';
import { ChatHead, nameTyped, registerKept } from '../customer-parts';
import { MediaButtons } from '../media-buttons';
import { ChatEntry, ChatLog, Choices, ErrorLine, NameForm } from '../page-parts';

type ListedPage = Omit<FacebookPage, 'token' | 'humanAgent'>;
const KEY = 'messenger-sandbox:facebook:person';

export function FacebookChat({ page, referral }: { page: string; referral?: string }) {
  const [found, setFound] = useState<ListedPage | null>();
  const [person, setPerson] = useState<FacebookPerson>();
  const [messages, setMessages] = useState<FacebookChatMessage[]>();
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const base = `/control/facebook/pages/${page}/threads/${person?.psid ?? ''}`;
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
    request<ListedPage[]>('/control/facebook/pages').then(
      (pages) => setFound(pages.find((p) => p.id === page || p.username === page) ?? null),
      (failure: Error) => setError(failure.message),
    );
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as FacebookPerson | null;
    if (saved) {
      request<FacebookPerson>('/control/facebook/people', { method: 'POST', body: saved }).then(
        setPerson,
        () => localStorage.removeItem(KEY),
      );
    }
  }, [page]);
  useEffect(() => {
    if (!person || !found) return;
    void act('/open', referral ? { ref: referral } : {});
    const source = new EventSource(
      `/control/facebook/pages/${found.id}/threads/${person.psid}/events`,
    );
    source.addEventListener('snapshot', (event) => setMessages(JSON.parse(event.data).messages));
    source.addEventListener('message', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as FacebookEvent;
      if (data.type !== 'message') return;
      setTyping(false);
      setMessages((messages) => [...(messages ?? []), data.entry]);
    });
    source.addEventListener('typing', () => setTyping(true));
    return () => source.close();
  }, [person?.psid, found?.id]);

  if (found === null) return <h1>No Facebook page {page}</h1>;
  const name = found?.name ?? page;
  const replies = messages?.findLast((m) => m.sender === 'page')?.quickReplies;
  const identify = async (event: Event) => {
    try {
      setPerson(
        await registerKept<FacebookPerson>(KEY, '/control/facebook/people', {
          name: nameTyped(event),
        }),
      );
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
      <ChatHead name={name} messenger="Messenger" typing={typing} />
      {!person ? (
        <NameForm id="facebook" where="on Facebook" onSubmit={identify} />
      ) : (
        <>
          <ChatLog name={name} empty={messages?.length === 0}>
            {messages?.map((m) => (
              <ChatEntry key={m.mid} fromCustomer={m.sender === 'customer'} text={m.text} />
            ))}
          </ChatLog>
          {replies && (
            <Choices
              legend="Quick replies"
              choices={replies.map((reply) => ({
                key: reply.payload,
                label: reply.title,
                choose: () => void act('/taps', { payload: reply.payload }),
              }))}
            />
          )}
          <Compose
            id="facebook-text"
            maxLength={2000}
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
