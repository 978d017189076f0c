// @vitest-environment jsdom
/**
 * Viber and Facebook in the Studio: their live status as the platform reports it — connected by
 * webhook, or the messenger's refusal of the token (Viber's invalidAuthToken) as the last error;
 * Facebook's Page token write-only (pasted; OAuth later), sent only when typed.
 */
import { type ChannelStatus, type ChatSettings, defaultSettings } from '@frontdesk/config';
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
    viber: { enabled: true, receiver: null, botToken: { set: true }, botName: 'Shop', uri: 'shop' },
    facebook: {
      enabled: true,
      receiver: null,
      pageId: '104000000000001',
      pageToken: { set: true },
    },
  },
});

const viber = () => within(screen.getByRole('group', { name: 'Viber' }));
const facebook = () => within(screen.getByRole('group', { name: 'Facebook' }));

/** The editor over a fake platform whose channels' status is `status()`. */
async function editor(status: () => ChannelStatus): Promise<SeenRequest[]> {
  const routes = Object.fromEntries(
    ['telegram', 'viber', 'facebook'].map((channel) => [
      `GET /v1/admin/widgets/w1/${channel}-status`,
      () => ({ body: status() }),
    ]),
  );
  return (await openEditor(widget, { routes })).seen;
}

describe('Viber and Facebook in the Studio', () => {
  it('shows the webhook connected, then Viber refusing the token', async () => {
    let status: ChannelStatus = {
      mode: 'webhook',
      connected: true,
      lastUpdateAt: null,
      lastError: null,
      lastErrorAt: null,
    };
    await editor(() => status);
    await viber().findByText('Connected (webhook).');

    const at = '2026-03-04T07:16:00.000Z';
    status = {
      ...status,
      connected: false,
      lastError: 'Viber: invalidAuthToken (status 2)',
      lastErrorAt: at,
    };
    await user().click(viber().getByRole('button', { name: 'Refresh the status' }));
    await viber().findByText('Not connected (webhook).');
    expect(
      viber().getByText(`Viber: invalidAuthToken (status 2) (${new Date(at).toLocaleString()})`),
    ).toBeTruthy();
  });

  it('keeps Facebook’s Page token write-only and shows the page’s status', async () => {
    const seen = await editor(() => ({
      mode: 'webhook',
      connected: false,
      lastUpdateAt: null,
      lastError: 'Facebook: Invalid OAuth access token - Cannot parse access token',
      lastErrorAt: '2026-03-04T07:16:00.000Z',
    }));
    await facebook().findByText('Not connected (webhook).');
    expect(
      facebook().getByText(/Connecting by signing in as the page's admin comes later/),
    ).toBeTruthy();
    // Stored: the Studio shows that it is set, never the token.
    expect(facebook().getByText('Page access token: set —')).toBeTruthy();
    await user().click(facebook().getByRole('button', { name: 'Replace' }));
    const token = facebook().getByLabelText('New page access token') as HTMLInputElement;
    expect(token.value).toBe('');
    fireEvent.input(token, { target: { value: 'EAAGnewpagetoken0123456789' } });
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => seen.find((r) => r.method === 'PATCH')).toBeTruthy();
    const patch = seen.find((r) => r.method === 'PATCH')?.body as {
      settings: ChatSettings;
    };
    expect(patch.settings.channels.facebook?.pageToken).toBe('EAAGnewpagetoken0123456789');
  });
});
