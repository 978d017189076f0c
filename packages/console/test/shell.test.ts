// @vitest-environment jsdom
/**
 * The console as a whole over a fake `/ops` and softphone: the open item from the URL, unread
 * counts in the navigation and the title, alerts for every visitor message, the call shortcut,
 * and where focus goes after an order is closed or taken by someone else.
 */
import './after-paint';
import type { StaffSession } from '@frontdesk/staff';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SoftphoneEvents } from '../src/softphone';
import type { PhoneCall } from '../src/softphone-calls';
import { FakeOps, message, summary } from './chat-fixtures';
import { fakeFetch } from './fake-fetch';
import { order } from './order-fixtures';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

const fake = vi.hoisted(() => ({
  socket: undefined as unknown,
  phone: undefined as SoftphoneEvents | undefined,
}));
vi.mock('../src/ops-socket', async (original) => ({
  ...(await original<typeof import('../src/ops-socket')>()),
  connectOps: () => fake.socket,
}));
vi.mock('../src/softphone', async (original) => ({
  ...(await original<typeof import('../src/softphone')>()),
  startSoftphone: (_credentials: unknown, events: SoftphoneEvents) => {
    fake.phone = events;
    return softphone;
  },
}));
vi.mock('../src/notify', () => ({
  chime: vi.fn(),
  desktopNotify: vi.fn(),
  canAskForNotifications: () => false,
  askForNotifications: vi.fn(),
}));
const notify = await import('../src/notify');
const { Shell } = await import('../src/shell');
const { App } = await import('../src/app');

const softphone = {
  answer: vi.fn(),
  decline: vi.fn(),
  hangUp: vi.fn(),
  setMuted: vi.fn(),
  dismiss: vi.fn(),
  stop: vi.fn(async () => undefined),
};

const session = (role: StaffSession['user']['role'] = 'operator'): StaffSession => ({
  user: {
    id: 'u1',
    accountId: 'a1',
    email: 'o@demo.test',
    name: 'Oleg',
    role,
    photoUrl: null,
    phone: null,
    language: null,
    createdAt: 0,
  },
  csrfToken: 'csrf',
});

const anna = summary({
  id: 'c1',
  visitor: { ...summary().visitor, name: 'Anna' },
  lastMessage: message(2),
  lastSeq: 2,
  unanswered: 2,
});

/** Sets whether the tab is hidden, as the browser would, telling the page. */
function tabHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** The console at `hash` over a fake platform listing `conversations` and `orders`. */
async function console_(
  hash: string,
  {
    conversations = [anna],
    orders = [] as ReturnType<typeof order>[],
    role = 'operator' as const,
  } = {},
) {
  location.hash = hash;
  const ops = new FakeOps();
  fake.socket = ops.socket;
  ops.answers['chat:list'] = () => ({ ok: true, conversations });
  ops.answers['chat:open'] = ({ conversationId }: { conversationId: string }) => ({
    ok: true,
    conversation: conversations.find((c) => c.id === conversationId),
    messages: [message(1, { conversationId }), message(2, { conversationId })],
    contact: null,
    pastEnquiries: [],
  });
  ops.answers['chat:sync'] = () => ({ ok: true, messages: [] });
  ops.answers['callback:list'] = () => ({ ok: true, orders });
  fakeFetch(
    Object.fromEntries(
      orders.map((o) => [
        `GET /v1/admin/orders/${o.id}`,
        () => ({ body: { order: o, events: [], notifications: [] } }),
      ]),
    ),
  );
  render(h(Shell, { session: session(role), onSignedOut: () => undefined }));
  await act(async () => await new Promise((r) => setTimeout(r, 0)));
  const push = (event: string, payload?: unknown) =>
    act(async () => {
      ops.push(event, payload);
      await new Promise((r) => setTimeout(r, 0));
    });
  return { ops, push };
}

beforeEach(() => {
  vi.clearAllMocks();
  tabHidden(false);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  location.hash = '';
  document.title = '';
});

describe('the console', () => {
  it('comes back to the conversation in the URL, its reply box focused', async () => {
    const { ops } = await console_('#/chats?filter=unassigned&chat=c1');
    expect(ops.sent('chat:open')).toEqual([{ conversationId: 'c1' }]);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reply to Anna' })),
    );
    expect(screen.getByRole('link', { name: /^Anna/ }).getAttribute('aria-current')).toBe('true');
    expect(
      screen.getByRole('button', { name: 'Unassigned (1)' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('counts unread messages in the navigation and the title, and chimes once per burst', async () => {
    const theirs = summary({
      id: 'c2',
      assignee: { id: 'u2', name: 'Olga' },
      lastSeq: 1,
      unanswered: 1,
    });
    const { push } = await console_('#/chats', { conversations: [anna, theirs] });
    expect(document.title).toBe('(2) Frontdesk console');
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(within(nav).getByRole('link', { name: 'Chats 2 unread' })).toBeTruthy();

    await push('chat:message', message(3));
    await push('chat:message', message(4));
    expect(document.title).toBe('(4) Frontdesk console');
    expect(notify.chime).toHaveBeenCalledTimes(1);
    // The tab shows: no desktop notification.
    expect(notify.desktopNotify).not.toHaveBeenCalled();
    // Another operator's conversation neither counts nor alerts.
    await push('chat:message', message(2, { conversationId: 'c2' }));
    expect(document.title).toBe('(4) Frontdesk console');
    expect(notify.chime).toHaveBeenCalledTimes(1);
  });

  it('reads the open conversation while the tab shows; hidden, it counts and notifies', async () => {
    const { ops, push } = await console_('#/chats?chat=c1');
    await waitFor(() =>
      expect(ops.sent('chat:read')).toEqual([{ conversationId: 'c1', upToSeq: 2 }]),
    );
    expect(document.title).toBe('Frontdesk console');
    await push('chat:message', message(3, { text: 'Anyone there?' }));
    expect(ops.sent('chat:read').at(-1)).toEqual({ conversationId: 'c1', upToSeq: 3 });
    expect(document.title).toBe('Frontdesk console');
    expect(notify.chime).toHaveBeenCalledTimes(1);

    tabHidden(true);
    await push('chat:message', message(4, { text: 'Hello?' }));
    expect(document.title).toBe('(1) Frontdesk console');
    expect(notify.desktopNotify).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Anna', body: 'Hello?', tag: 'chat-c1', silent: false }),
    );
    // Back at the console: read, and the title is clear again.
    await act(() => tabHidden(false));
    expect(ops.sent('chat:read').at(-1)).toEqual({ conversationId: 'c1', upToSeq: 4 });
    expect(document.title).toBe('Frontdesk console');
  });

  it('answers a ringing call with Alt+Shift+A from the reply box, leaving focus there', async () => {
    await console_('#/chats?chat=c1');
    const reply = await screen.findByRole('textbox', { name: 'Reply to Anna' });
    reply.focus();
    const call: PhoneCall = {
      id: 'k1',
      state: 'ringing',
      caller: null,
      order: null,
      digits: '',
      muted: false,
      ringingAt: 0,
    };
    await act(() => fake.phone?.calls([call]));
    expect(screen.getByRole('alert').textContent).toMatch(/^Incoming call on Unknown widget/);
    expect(document.title).toBe('(1) Frontdesk console');
    fireEvent.keyDown(reply, { key: 'A', code: 'KeyA', altKey: true, shiftKey: true });
    expect(softphone.answer).toHaveBeenCalledWith('k1');
    expect(document.activeElement).toBe(reply);
    // Alt+Shift+C goes to the pop-up.
    fireEvent.keyDown(reply, { key: 'C', code: 'KeyC', altKey: true, shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Answer' }));
  });

  it('after Done, puts focus on the next order in the list', async () => {
    const mine = order({ id: 'o1', status: 'accepted', operator: { id: 'u1', name: 'Oleg' } });
    const next = order({ id: 'o2', phone: '+79990000002', createdAt: mine.createdAt - 1000 });
    const { ops } = await console_('#/orders?order=o1', { orders: [mine, next] });
    ops.answers['callback:done'] = () => ({ ok: true, order: { ...mine, status: 'done' } });
    const done = await screen.findByRole('button', { name: 'Done' });
    await user().click(done);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('link', { name: /^Ringing \+79990000002/ }),
      ),
    );
  });

  it('puts focus on the order when someone else takes it from under its Accept', async () => {
    const { push } = await console_('#/orders?order=o1', { orders: [order()] });
    const accept = await screen.findByRole('button', { name: 'Accept' });
    expect(document.activeElement).toBe(accept);
    await push('callback:taken', { id: 'o1', by: { id: 'u2', name: 'Olga' } });
    expect(screen.getByText('Taken by Olga.')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: 'Accepted +79991234567' }),
      ),
    );
  });

  it('starts with focus on the list, and mutes its sounds when told, remembered', async () => {
    const { push } = await console_('#/chats');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Chats', level: 1 }));
    const mute = screen.getByRole('button', { name: 'Mute sounds' });
    await user().click(mute);
    expect(mute.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem('frontdesk.console.muted')).toBe('1');
    tabHidden(true);
    await push('chat:message', message(3));
    expect(notify.chime).not.toHaveBeenCalled();
    expect(notify.desktopNotify).toHaveBeenCalledWith(expect.objectContaining({ silent: true }));
    localStorage.clear();
  });

  it('after signing out, puts focus in the form to sign in again', async () => {
    location.hash = '#/chats';
    const ops = new FakeOps();
    fake.socket = ops.socket;
    ops.answers['chat:list'] = () => ({ ok: true, conversations: [anna] });
    fakeFetch({
      'GET /v1/auth/me': () => ({ body: session() }),
      'POST /v1/auth/logout': () => ({ body: {} }),
    });
    render(h(App, {}));
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    await waitFor(() => expect(document.title).toBe('(2) Frontdesk console'));
    await user().click(signOut);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('E-mail')));
    await waitFor(() => expect(document.title).toBe('Frontdesk console'));
  });

  it('shows marketers the orders, the call history and the contacts only', async () => {
    await console_('#/chats', { role: 'marketer' as never });
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Orders', 'Call history', 'Contacts']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Callback orders');
    expect(screen.queryByRole('status', { name: /Ready/ })).toBeNull();
  });

  it('speaks the profile’s Russian, and English at once when switched, saved to the profile', async () => {
    location.hash = '#/chats?chat=c1';
    const ops = new FakeOps();
    fake.socket = ops.socket;
    ops.answers['chat:list'] = () => ({ ok: true, conversations: [anna] });
    ops.answers['chat:open'] = () => ({
      ok: true,
      conversation: anna,
      messages: [message(1), message(2)],
      contact: null,
      pastEnquiries: [],
    });
    const russian = { ...session(), user: { ...session().user, language: 'ru' as const } };
    const saved: unknown[] = [];
    fakeFetch({
      'GET /v1/auth/me': () => ({ body: russian }),
      'PATCH /v1/auth/me': () => {
        saved.push('en');
        return { body: { user: { ...russian.user, language: 'en' } } };
      },
    });
    render(h(App, {}));
    const nav = await screen.findByRole('navigation', { name: 'Консоль' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.firstChild?.textContent),
    ).toEqual(['Чаты', 'Заказы', 'Звонки', 'Пропущенные', 'История звонков', 'Контакты']);
    expect(screen.getByRole('heading', { level: 1, name: 'Чаты' })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: 'Ответ для Anna' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Отправить' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Закрыть чат' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'О посетителе' })).toBeTruthy();
    await waitFor(() => expect(document.title).toMatch(/Консоль Frontdesk$/));
    expect(document.documentElement.lang).toBe('ru');
    const outcome = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(outcome.violations.map((v) => v.id)).toEqual([]);

    await user().selectOptions(screen.getByRole('combobox', { name: 'Язык' }), 'en');
    expect(screen.getByRole('navigation', { name: 'Console' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Chats' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Reply to Anna' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    await waitFor(() => expect(document.title).toMatch(/Frontdesk console$/));
    expect(saved).toEqual(['en']);
    // Only the words changed: the conversation was not opened again.
    expect(ops.sent('chat:open')).toHaveLength(1);
  });
});
