// @vitest-environment jsdom
import {
  type CallbackSettings,
  defaultSettings,
  parseSettings,
  type SettingsIssue,
  type WidgetSettings,
} from '@frontdesk/config';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { FormProvider } from '../src/form';
import { setAt } from '../src/paths';
import { LocalizedField, TextLanguageSwitch, useTextLanguage } from '../src/text-languages';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(cleanup);

/** The switch and the title field over `initial`, editable; `seen` gets every new draft. */
function Editor({ initial, seen }: { initial: WidgetSettings; seen: WidgetSettings[] }) {
  const [draft, setDraft] = useState(initial);
  const parsed = parseSettings(draft);
  const issues: SettingsIssue[] = parsed.ok ? [] : parsed.issues;
  const set = (path: string, value: unknown) => {
    const next = setAt(draft, path, value);
    seen.push(next);
    setDraft(next);
  };
  return h(FormProvider, { form: { draft, set, issues } }, h(Texts, {}));
}

function Texts() {
  const [lang, setLang] = useTextLanguage();
  return h('div', {}, [
    h(TextLanguageSwitch, { id: 'lang', value: lang, onChange: setLang, within: 'appearance.' }),
    h(LocalizedField, { path: 'appearance.working.title', lang, label: 'Title' }),
  ]);
}

const callback = (change: (s: CallbackSettings) => CallbackSettings = (s) => s) =>
  change({ ...(defaultSettings('callback') as CallbackSettings), locale: 'auto' });

describe('the texts of each language', () => {
  it('edits the main language first, then the one the switch names', async () => {
    const seen: WidgetSettings[] = [];
    render(h(Editor, { initial: callback(), seen }));
    const title = () => screen.getByLabelText('Title') as HTMLInputElement;
    expect(title().value).toBe('Перезвоним за 30 секунд');
    await user().click(screen.getByLabelText('English'));
    expect(title().value).toBe('We will call you back in 30 seconds');
    fireEvent.input(title(), { target: { value: 'Call me back' } });
    const last = seen.at(-1) as CallbackSettings;
    expect(last.appearance.working.title).toEqual({
      ru: 'Перезвоним за 30 секунд',
      en: 'Call me back',
    });
  });

  it('names the languages with texts to fix', () => {
    const noRussianTitle = callback((s) => ({
      ...s,
      appearance: { ...s.appearance, working: { ...s.appearance.working, title: { en: 'Hi' } } },
    }));
    render(h(Editor, { initial: noRussianTitle, seen: [] }));
    screen.getByLabelText('Russian (main) — 1 to fix');
    screen.getByLabelText('English');
    expect(screen.getByRole('alert').textContent).toBe('must not be empty');
  });

  it('warns of a language that lacks a text: its visitors get the main one', () => {
    const noEnglishTitle = callback((s) => ({
      ...s,
      appearance: {
        ...s.appearance,
        working: { ...s.appearance.working, title: { ru: 'Привет' } },
      },
    }));
    render(h(Editor, { initial: noEnglishTitle, seen: [] }));
    screen.getByText('English lacks some texts: visitors who read it see the widget in Russian.');
    // Nothing to fix: a language may lack texts; it is just not offered.
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
