/** The settings fields in Chromium: each shows the schema's issue for its path right below it. */
import { defaultSettings, parseSettings, type WidgetSettings } from '@frontdesk/config';
import { ColorField, FormProvider, ListField, setAt, TextField } from '@frontdesk/studio';
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
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

const root = document.createElement('div');
document.body.append(root);
afterEach(() => act(() => render(null, root)));

/** Types `text` into the field labelled `label`, as the marketer would. */
function type(label: string, text: string) {
  const id = [...root.querySelectorAll('label')].find((l) => l.textContent === label)?.htmlFor;
  const input = id ? root.querySelector<HTMLInputElement>(`#${id}`) : null;
  if (!input) throw new Error(`no field ${label}`);
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return input;
}

/** The error text a field points at with aria-describedby. */
function errorOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('settings fields', () => {
  it('shows the schema issue next to the field, and clears it once fixed', () => {
    act(() => render(h(Form, {}), root));
    const title = type('Title', '   ');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(title)).toBe('must not be empty');
    type('Title', 'Call us');
    expect(title.hasAttribute('aria-invalid')).toBe(false);
    expect(errorOf(title)).toBe('');
  });

  it('reports colours and list items in the words of @frontdesk/config', () => {
    act(() => render(h(Form, {}), root));
    const colour = type('Primary colour', 'red');
    expect(errorOf(colour)).toBe('must be a colour "#rrggbb"');
    const sites = type('Sites', 'https://shop.example\nshop.example');
    expect(errorOf(sites)).toMatch(/^item 2: must be a site like/);
  });
});
