// @vitest-environment jsdom
/**
 * An automatic callback's retry policy in the widget's Settings tab: the default said in words,
 * changed on request, a stored policy kept through a save, bad numbers refused before saving.
 */
import { type CallbackSettings, defaultSettings, type RetryPolicy } from '@frontdesk/config';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Widget } from '../src/api';
import { axeViolations } from './axe';
import type { SeenRequest } from './fake-platform';
import { openEditor, savedSettings, storedWidget } from './widget-fixture';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A callback widget in automatic mode, with `retries` when given. */
function widgetWith(retries?: RetryPolicy): Widget {
  const settings = defaultSettings('callback') as CallbackSettings;
  return storedWidget({
    ...settings,
    mode: { ...settings.mode, ...(retries ? { retries } : {}) },
  } as CallbackSettings);
}

/** The retry policy the Studio's save sent (undefined: none). */
function savedRetries(seen: SeenRequest[]): RetryPolicy | undefined {
  const { mode } = savedSettings<CallbackSettings>(seen);
  return mode.kind === 'automatic' ? mode.retries : undefined;
}

const policy = () => within(screen.getByRole('group', { name: 'When a call does not go through' }));

describe('the retry policy of an automatic callback', () => {
  it('says the default in words, and changes it when asked: focus on the first field', async () => {
    const { seen, container } = await openEditor(widgetWith());
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
    const { seen } = await openEditor(widgetWith(stored));
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
    const { seen } = await openEditor(widgetWith());
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
    await openEditor(widgetWith(), { language: 'ru' });
    const group = within(screen.getByRole('group', { name: 'Если звонок не состоялся' }));
    expect(
      group.getByText(
        'По умолчанию: 3 попытки с интервалом 5 мин, каждый звонок 30 с; затем заявка ждёт в консоли.',
      ),
    ).toBeTruthy();
    expect(group.getByRole('button', { name: 'Изменить попытки' })).toBeTruthy();
  });
});
