// @vitest-environment jsdom
/**
 * The Viber channel in the Studio: its live status as the platform reports it — connected by
 * webhook, or Viber's refusal of the token (invalidAuthToken) as the last error.
 */
import { type ChannelStatus, type ChatSettings, defaultSettings } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Widget } from '../src/api';
import { WidgetEditor } from '../src/widget-editor';
import { fakePlatform, session } from './fake-platform';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const chat = defaultSettings('chat') as ChatSettings;
const widget: Widget = {
  id: 'w1',
  key: 'shop-chat',
  type: 'chat',
  name: 'Shop',
  active: true,
  version: 1,
  settings: {
    ...chat,
    channels: {
      ...chat.channels,
      viber: {
        enabled: true,
        receiver: null,
        botToken: { set: true },
        botName: 'Shop',
        uri: 'shop',
      },
    },
  },
};

const viber = () => within(screen.getByRole('group', { name: 'Viber' }));

describe('the Viber channel in the Studio', () => {
  it('shows the webhook connected, then Viber refusing the token', async () => {
    let status: ChannelStatus = {
      mode: 'webhook',
      connected: true,
      lastUpdateAt: null,
      lastError: null,
      lastErrorAt: null,
    };
    fakePlatform({
      'GET /v1/admin/widgets/w1': () => ({ body: widget }),
      'GET /v1/admin/users': () => ({ body: { users: [] } }),
      'GET /v1/admin/groups': () => ({ body: { groups: [] } }),
      'GET /v1/admin/widgets/w1/telegram-status': () => ({ body: status }),
      'GET /v1/admin/widgets/w1/viber-status': () => ({ body: status }),
    });
    render(h(WidgetEditor, { session, id: 'w1', tab: 'basic' }));
    await screen.findByRole('heading', { level: 1 });
    await viber().findByText('Connected (webhook).');

    const at = '2026-03-04T07:16:00.000Z';
    status = {
      ...status,
      connected: false,
      lastError: 'Viber: invalidAuthToken (status 2)',
      lastErrorAt: at,
    };
    fireEvent.click(viber().getByRole('button', { name: 'Refresh the status' }));
    await viber().findByText('Not connected (webhook).');
    expect(
      viber().getByText(`Viber: invalidAuthToken (status 2) (${new Date(at).toLocaleString()})`),
    ).toBeTruthy();
  });
});
