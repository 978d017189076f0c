// @vitest-environment jsdom
/** The Studio's write-only secret field: "set — Replace / Clear", never the secret itself. */
import { defaultSettings, parseSettings, type WidgetSettings } from '@frontdesk/config';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { FormProvider } from '../src/form';
import { getAt, setAt } from '../src/paths';
import { SecretField } from '../src/secret-field';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

const PATH = 'channels.telegram.botToken';
const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** Chat settings with Telegram connected and `botToken` as the platform answered it. */
function chat(botToken: unknown): WidgetSettings {
  const settings = defaultSettings('chat');
  return setAt(settings, 'channels.telegram', {
    enabled: true,
    receiver: null,
    botName: 'shop_bot',
    botToken,
  });
}

/** The form around the field; `draft.current` is the draft as it is now. */
function mount(initial: WidgetSettings) {
  const draft: { current: WidgetSettings } = { current: initial };
  let replace: (settings: WidgetSettings) => void = () => undefined;
  function Form() {
    const [value, setValue] = useState(initial);
    draft.current = value;
    replace = setValue;
    const parsed = parseSettings(value);
    return h(
      FormProvider,
      {
        form: {
          draft: value,
          set: (path, next) => setValue((d) => setAt(d, path, next)),
          issues: parsed.ok ? [] : parsed.issues,
        },
      },
      h(SecretField, { path: PATH, label: 'Bot token' }),
    );
  }
  render(h(Form, {}));
  return { draft, saved: (settings: WidgetSettings) => replace(settings) };
}

const token = (draft: { current: WidgetSettings }) => getAt(draft.current, PATH);

afterEach(cleanup);

describe('SecretField', () => {
  it('shows a stored secret as set — Replace / Clear, with no field holding it', () => {
    const { draft } = mount(chat({ set: true }));
    expect(screen.getByText('Bot token: set —')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Replace' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear' })).toBeTruthy();
    expect(token(draft)).toEqual({ set: true });
  });

  it('Replace reveals an empty field for the new one; empty keeps the stored one', async () => {
    const { draft } = mount(chat({ set: true }));
    await user().click(screen.getByRole('button', { name: 'Replace' }));
    const field = screen.getByRole('textbox', { name: 'New bot token' }) as HTMLInputElement;
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    // Left empty, the save sends nothing for it: the platform keeps what it holds.
    expect(token(draft)).toBeUndefined();
    expect(parseSettings(draft.current).ok).toBe(true);

    fireEvent.input(field, { target: { value: 'not a token' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/^must be a Telegram bot token/);
    fireEvent.input(field, { target: { value: TOKEN } });
    expect(token(draft)).toBe(TOKEN);
    expect(field.hasAttribute('aria-invalid')).toBe(false);

    await user().click(screen.getByRole('button', { name: 'Keep the stored one' }));
    expect(token(draft)).toEqual({ set: true });
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('Clear sends null on save, until Keep the stored one takes it back', async () => {
    const { draft } = mount(chat({ set: true }));
    await user().click(screen.getByRole('button', { name: 'Clear' }));
    expect(token(draft)).toBeNull();
    expect(screen.getByText('Bot token: cleared when you save —')).toBeTruthy();
    const keep = screen.getByRole('button', { name: 'Keep the stored one' });
    expect(document.activeElement).toBe(keep);
    await user().click(keep);
    expect(token(draft)).toEqual({ set: true });
  });

  it('with none stored, offers the field at once; once saved, shows it set', () => {
    const { draft, saved } = mount(chat({ set: false }));
    expect(screen.queryByRole('button', { name: 'Replace' })).toBeNull();
    const field = screen.getByRole('textbox', { name: 'Bot token' });
    fireEvent.input(field, { target: { value: TOKEN } });
    expect(token(draft)).toBe(TOKEN);
    fireEvent.input(field, { target: { value: '' } });
    expect(token(draft)).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Keep the stored one' })).toBeNull();

    // The platform's answer to the save: stored, and shown only as set.
    act(() => saved(chat({ set: true })));
    expect(screen.getByText('Bot token: set —')).toBeTruthy();
    expect(document.body.textContent).not.toContain(TOKEN);
  });
});
