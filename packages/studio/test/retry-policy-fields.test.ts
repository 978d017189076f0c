// @vitest-environment jsdom
/**
 * An automatic callback's retry policy in the widget's Settings tab: the default said in words,
 * changed on request, a stored policy kept through a save, bad numbers refused before saving.
 */
import { type CallbackSettings, defaultSettings, type RetryPolicy } from '@frontdesk/config';
import { LanguageContext } from '@frontdesk/staff';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Widget } from '../src/api';
import { WidgetEditor } from '../src/widget-editor';
import { axeViolations } from './axe';
import { fakePlatform, type SeenRequest, session } from './fake-platform';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A callback widget in automatic mode, with `retries` when given. */
function widgetWith(retries?: RetryPolicy): Widget {
  const settings = defaultSettings('callback') as CallbackSettings;
  return {
    id: 'w1',
    key: 'shop-callback',
    type: 'callback',
    name: 'Shop',
    active: true,
    settings: { ...settings, mode: { ...settings.mode, ...(retries ? { retries } : {}) } },
    version: 1,
  } as Widget;
}

/** The widget's Settings tab over a fake platform that saves what it is sent. */
async function editor(widget: Widget, language: 'en' | 'ru' = 'en') {
  const seen = fakePlatform({
    'GET /v1/admin/widgets/w1': () => ({ body: widget }),
    'GET /v1/admin/users': () => ({ body: { users: [] } }),
    'GET /v1/admin/groups': () => ({ body: { groups: [] } }),
    'PATCH /v1/admin/widgets/w1': (body) => ({ body: { ...widget, ...(body as object) } }),
  });
  const { container } = render(
    h(
      LanguageContext.Provider,
      { value: { language, choose: async () => undefined } },
      h(WidgetEditor, { session, id: 'w1', tab: 'basic' }),
    ),
  );
  await screen.findByRole('heading', { level: 1 });
  return { seen, container };
}

/** The retry policy the Studio's save sent (undefined: none). */
function savedRetries(seen: SeenRequest[]): RetryPolicy | undefined {
  const patch = seen.find((r) => r.method === 'PATCH');
  if (!patch) throw new Error('nothing was saved');
  const mode = (patch.body as { settings: CallbackSettings }).settings.mode;
  return mode.kind === 'automatic' ? mode.retries : undefined;
}

const policy = () => within(screen.getByRole('group', { name: 'When a call does not go through' }));

describe('the retry policy of an automatic callback', () => {
  it('says the default in words, and changes it when asked: focus on the first field', async () => {
    const { seen, container } = await editor(widgetWith());
    expect(
      policy().getByText(
        'By default: 3 attempts, 5 minutes apart, each ringing 30 seconds; then the order waits in the console.',
      ),
    ).toBeTruthy();
    expect(policy().queryByRole('spinbutton')).toBeNull();
    await user().click(policy().getByRole('button', { name: 'Change the attempts' }));
    const attempts = policy().getByRole('spinbutton', { name: 'Attempts' });
    expect(document.activeElement).toBe(attempts);
    fireEvent.input(attempts, { target: { value: '2' } });
    fireEvent.input(policy().getByRole('spinbutton', { name: 'Minutes between attempts' }), {
      target: { value: '10' },
    });
    fireEvent.input(
      policy().getByRole('textbox', { name: /^After the last attempt, notify by e-mail/ }),
      { target: { value: 'sales@example.com' } },
    );
    expect(await axeViolations(container)).toEqual([]);
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(savedRetries(seen)).toEqual({
      attempts: 2,
      intervalMinutes: 10,
      ringSeconds: 30,
      notify: { emails: ['sales@example.com'], smsNumbers: [] },
    });
  });

  it('keeps a stored policy through a save of another field', async () => {
    const stored: RetryPolicy = {
      attempts: 5,
      intervalMinutes: 15,
      ringSeconds: 45,
      notify: { emails: [], smsNumbers: ['+74951234567'] },
    };
    const { seen } = await editor(widgetWith(stored));
    expect(
      (policy().getByRole('spinbutton', { name: 'Seconds each call rings' }) as HTMLInputElement)
        .value,
    ).toBe('45');
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Shop callback' } });
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(savedRetries(seen)).toEqual(stored);
  });

  it('refuses attempts out of range before saving, naming the field', async () => {
    const { seen } = await editor(widgetWith());
    await user().click(policy().getByRole('button', { name: 'Change the attempts' }));
    const attempts = policy().getByRole('spinbutton', { name: 'Attempts' });
    fireEvent.input(attempts, { target: { value: '11' } });
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Not saved/);
    expect(attempts.getAttribute('aria-invalid')).toBe('true');
    expect(policy().getByRole('alert').textContent).toMatch(/whole number from 1 to 10/);
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('speaks Russian, with the plural of the attempts', async () => {
    await editor(widgetWith(), 'ru');
    const group = within(screen.getByRole('group', { name: 'Если звонок не состоялся' }));
    expect(
      group.getByText(
        'По умолчанию: 3 попытки с интервалом 5 мин, каждый звонок 30 с; затем заявка ждёт в консоли.',
      ),
    ).toBeTruthy();
    expect(group.getByRole('button', { name: 'Изменить попытки' })).toBeTruthy();
  });
});
