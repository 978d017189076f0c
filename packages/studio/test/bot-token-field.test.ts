// @vitest-environment jsdom
/** The bot check in the Studio: the token typed, else the widget's stored one, never seen here. */
import { defaultSettings, parseSettings, type WidgetSettings } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BotTokenField } from '../src/bot-token-field';
import { FormProvider } from '../src/form';
import { getAt, setAt } from '../src/paths';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const session = { csrfToken: 'csrf', user: { id: 'u', name: 'M' } } as unknown as StaffSession;

/** What the Studio asked `POST /v1/admin/bot-check`, answered as the platform would for a good token. */
let asked: unknown[] = [];
beforeEach(() => {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      asked.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ name: 'Shop Bot', handle: 'shop_bot' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The Telegram channel's fields of widget `w-1`, its token as the platform answered it. */
function mount(botToken: unknown) {
  const initial: WidgetSettings = setAt(defaultSettings('chat'), 'channels.telegram', {
    enabled: true,
    receiver: null,
    botName: '',
    botToken,
  });
  const draft = { current: initial };
  function Form() {
    const [value, setValue] = useState(initial);
    draft.current = value;
    const parsed = parseSettings(value);
    return h(
      FormProvider,
      {
        form: {
          draft: value,
          set: (path, next) => setValue((d) => setAt(d, path, next)),
          issues: parsed.ok ? [] : parsed.issues,
          widgetId: 'w-1',
        },
      },
      h(BotTokenField, { path: 'channels.telegram', channel: 'telegram', session }),
    );
  }
  render(h(Form, {}));
  return draft;
}

describe('BotTokenField', () => {
  it('checks the stored token by the widget when none is typed, and names the bot', async () => {
    const draft = mount({ set: true });
    await user().click(screen.getByRole('button', { name: 'Check the token' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Bot: Shop Bot'));
    expect(asked).toEqual([{ channel: 'telegram', widget: 'w-1' }]);
    expect(getAt(draft.current, 'channels.telegram.botName')).toBe('shop_bot');
    expect(getAt(draft.current, 'channels.telegram.botToken')).toEqual({ set: true });
  });

  it('checks the token typed in place of the stored one', async () => {
    mount({ set: true });
    await user().click(screen.getByRole('button', { name: 'Replace' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'New bot token' }), {
      target: { value: TOKEN },
    });
    await user().click(screen.getByRole('button', { name: 'Check the token' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Bot: Shop Bot'));
    expect(asked).toEqual([{ channel: 'telegram', token: TOKEN }]);
  });
});
