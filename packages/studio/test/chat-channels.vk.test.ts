// @vitest-environment jsdom
/**
 * VK in the Studio: the community access token write-only (pasted; OAuth later), checked through
 * the platform by showing the community's name (its short name fills the id), VK's refusal shown
 * by its code; the mode (Bots Long Poll or Callback API) saved; the live status.
 */
import type { ChatSettings } from '@frontdesk/config';
import { defaultSettings } from '@frontdesk/config';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handler, SeenRequest } from './fake-platform';
import { openEditor, savedSettings, storedWidget } from './widget-fixture';

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
    vk: { enabled: true, receiver: null, groupId: 'club1', accessToken: { set: true } },
  },
});

const vk = () => within(screen.getByRole('group', { name: 'VKontakte' }));

/** The editor, connected by long poll, over a fake platform whose token check answers `check`. */
async function editor(check: Handler): Promise<SeenRequest[]> {
  const status = {
    mode: 'polling',
    connected: true,
    lastUpdateAt: null,
    lastError: null,
    lastErrorAt: null,
  };
  const routes = {
    'GET /v1/admin/widgets/w1/vk-status': () => ({ body: status }),
    'POST /v1/admin/bot-check': check,
  };
  return (await openEditor(widget, { routes })).seen;
}

describe('VK in the Studio', () => {
  it('shows VK refusing the token by its code', async () => {
    await editor(() => ({
      status: 400,
      body: {
        error: {
          code: 'invalidAuthToken',
          field: 'token',
          message: 'The bot API does not accept this token.',
        },
      },
    }));
    await user().click(vk().getByRole('button', { name: 'Check the token' }));
    await vk().findByText('invalidAuthToken');
  });

  it('checks the stored token by the community’s name and saves a new token and the mode', async () => {
    const seen = await editor(() => ({ body: { name: 'Flower shop', handle: 'flowershop' } }));
    await vk().findByText('Connected (long polling).');
    expect(
      vk().getByText(/Connecting by signing in as the community's admin comes later/),
    ).toBeTruthy();
    expect(vk().getByText('Community access token: set —')).toBeTruthy();
    await user().click(vk().getByRole('button', { name: 'Check the token' }));
    await vk().findByText('Community: Flower shop');
    // The stored token is checked by the widget: the Studio never has it.
    expect(seen.find((r) => r.path === '/v1/admin/bot-check')?.body).toEqual({
      channel: 'vk',
      widget: 'w1',
    });
    expect((vk().getByLabelText('Community id or short name') as HTMLInputElement).value).toBe(
      'flowershop',
    );

    await user().click(vk().getByRole('button', { name: 'Replace' }));
    fireEvent.input(vk().getByLabelText('New community access token'), {
      target: { value: 'vk1.a.newcommunitytoken0123456789' },
    });
    await user().selectOptions(vk().getByLabelText('How messages arrive'), 'Callback API');
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => seen.find((r) => r.method === 'PATCH')).toBeTruthy();
    expect(savedSettings<ChatSettings>(seen).channels.vk).toMatchObject({
      accessToken: 'vk1.a.newcommunitytoken0123456789',
      groupId: 'flowershop',
      mode: 'callback',
    });
  });
});
