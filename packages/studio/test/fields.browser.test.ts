/** The settings fields in Chromium: each shows the schema's issue for its path right below it. */
import { defaultSettings, parseSettings, type WidgetSettings } from '@frontdesk/config';
import { ColorField, FormProvider, ListField, setAt, TextField } from '@frontdesk/studio';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';

/** A form over callback settings, validated by parseSettings like the editor's. */
function Form() {
  const [draft, setDraft] = useState<WidgetSettings>(defaultSettings('callback'));
  const parsed = parseSettings(draft);
  return h(
    FormProvider,
    {
      form: {
        draft,
        set: (path, value) => setDraft((d) => setAt(d, path, value)),
        issues: parsed.ok ? [] : parsed.issues,
      },
    },
    h(TextField, { path: 'appearance.working.title.ru', label: 'Title' }),
    h(ColorField, { path: 'appearance.primaryColor', label: 'Primary colour' }),
    h(ListField, { path: 'allowedOrigins', label: 'Sites' }),
  );
}

afterEach(cleanup);

/** Puts `text` into the field labelled `label`, as the marketer's typing ends up. */
function type(label: string, text: string) {
  const input = screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
  fireEvent.input(input, { target: { value: text } });
  return input;
}

/** The error text a field points at with aria-describedby. */
function errorOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('settings fields', () => {
  it('shows the schema issue next to the field, and clears it once fixed', () => {
    render(h(Form, {}));
    const title = type('Title', '   ');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(title)).toBe('must not be empty');
    type('Title', 'Call us');
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    expect(errorOf(title)).toBe('');
  });

  it('reports colours and list items in the words of @frontdesk/config', () => {
    render(h(Form, {}));
    const colour = type('Primary colour', 'red');
    expect(errorOf(colour)).toBe('must be a colour "#rrggbb"');
    const sites = type('Sites', 'https://shop.example\nshop.example');
    expect(errorOf(sites)).toMatch(/^item 2: must be a site like/);
  });
});
