// @vitest-environment jsdom
/**
 * The Telegram channel in the Studio: who receives its customers and how its messages arrive
 * (long polling or a webhook), saved with the widget, and its live status as the platform
 * reports it.
 */
import { type ChatSettings, defaultSettings, type TelegramStatus } from '@frontdesk/config';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SeenRequest } from './fake-platform';
import { openEditor, storedWidget } from './widget-fixture';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const chat = defaultSettings('chat') as ChatSettings;
const widget = storedWidget({
  ...chat,
  channels: {
    ...chat.channels,
    telegram: { enabled: true, receiver: null, botToken: { set: true }, botName: 'shop_bot' },
  },
});

/**
 * The editor of `widget` over a fake platform whose Telegram status is `status()`, the account
 * having `groups`.
 */
async function editor(
  status: () => TelegramStatus,
  groups: { id: string; name: string }[] = [],
): Promise<SeenRequest[]> {
  const routes = { 'GET /v1/admin/widgets/w1/telegram-status': () => ({ body: status() }) };
  return (await openEditor(widget, { groups, routes })).seen;
}

const telegram = () => within(screen.getByRole('group', { name: 'Telegram' }));

describe('the Telegram channel in the Studio', () => {
  it('shows whether the bot is connected, its last update and last error, and asks again', async () => {
    const lastUpdateAt = '2026-03-04T07:15:00.000Z';
    let status: TelegramStatus = {
      mode: 'polling',
      connected: true,
      lastUpdateAt,
      lastError: null,
      lastErrorAt: null,
    };
    await editor(() => status);
    await telegram().findByText('Connected (long polling).');
    expect(telegram().getByText(new Date(lastUpdateAt).toLocaleString())).toBeTruthy();
    expect(telegram().getByText('none')).toBeTruthy();

    status = {
      ...status,
      connected: false,
      lastError: 'Telegram did not answer getUpdates: connection refused',
      lastErrorAt: '2026-03-04T07:16:00.000Z',
    };
    await user().click(telegram().getByRole('button', { name: 'Refresh the status' }));
    await telegram().findByText('Not connected (long polling).');
    expect(
      telegram().getByText(
        `Telegram did not answer getUpdates: connection refused (${new Date('2026-03-04T07:16:00.000Z').toLocaleString()})`,
      ),
    ).toBeTruthy();
  });

  it('says so when the channel has no saved bot or is off', async () => {
    await editor(() => ({
      mode: 'off',
      connected: false,
      lastUpdateAt: null,
      lastError: null,
      lastErrorAt: null,
    }));
    await telegram().findByText('Off: no saved bot token, or the channel is not on.');
    expect(telegram().queryByText('Last update received')).toBeNull();
  });

  it('saves webhook mode when the marketer picks it', async () => {
    const seen = await editor(() => ({
      mode: 'polling',
      connected: true,
      lastUpdateAt: null,
      lastError: null,
      lastErrorAt: null,
    }));
    const mode = telegram().getByLabelText('How messages arrive') as HTMLSelectElement;
    expect(mode.value).toBe('polling');
    fireEvent.change(mode, { target: { value: 'webhook' } });
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved/);
    const patch = seen.find((r) => r.method === 'PATCH')?.body as { settings: ChatSettings };
    expect(patch.settings.channels.telegram?.mode).toBe('webhook');
  });

  it('saves who receives the customers writing to the bot', async () => {
    const seen = await editor(
      () => ({
        mode: 'polling',
        connected: true,
        lastUpdateAt: null,
        lastError: null,
        lastErrorAt: null,
      }),
      [{ id: 'g-sales', name: 'Sales' }],
    );
    const receiver = (await telegram().findByLabelText('Who receives')) as HTMLSelectElement;
    expect(receiver.value).toBe('');
    await telegram().findByRole('option', { name: 'Sales' });
    fireEvent.change(receiver, { target: { value: 'group:g-sales' } });
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved/);
    const patch = seen.find((r) => r.method === 'PATCH')?.body as { settings: ChatSettings };
    expect(patch.settings.channels.telegram?.receiver).toEqual({ kind: 'group', id: 'g-sales' });
  });
});
