// @vitest-environment jsdom
/** The widget list: what each widget shows on the site, and where the focus goes after a delete. */
import { type CallbackSettings, defaultSettings, type WidgetSettings } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Widget } from '../src/api';
import { noteDeleted, WidgetList } from '../src/widget-list';
import { fakePlatform, session } from './fake-platform';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const callback = defaultSettings('callback') as CallbackSettings;
const widget = (id: string, name: string, settings: WidgetSettings): Widget => ({
  id,
  key: `key-${id}`,
  type: settings.type,
  name,
  active: true,
  settings,
  version: 1,
});
const widgets = [
  widget('w1', 'Chat', defaultSettings('chat')),
  widget('w2', 'Edge tab', {
    ...callback,
    appearance: { ...callback.appearance, callFormat: 'label' },
  }),
  widget('w3', 'Call', defaultSettings('call')),
];

/** The list over a platform with `list`, deleting anything asked. */
async function list(list: Widget[] = widgets) {
  fakePlatform({
    'GET /v1/admin/widgets': () => ({ body: { widgets: list } }),
    ...Object.fromEntries(list.map((w) => [`DELETE /v1/admin/widgets/${w.id}`, () => ({})])),
  });
  render(h(WidgetList, { session }));
  await screen.findByRole('table');
}

/** Deletes the widget `name` through its row's button and the dialog. */
async function remove(name: string) {
  await user().click(screen.getByRole('button', { name: `Delete ${name}` }));
  fireEvent.submit(screen.getByLabelText('Reason (optional)').closest('form') as HTMLFormElement);
  await screen.findByText(`${name} was deleted.`);
}

describe('the widget list', () => {
  it('says what the site shows in the Format column', async () => {
    await list();
    const format = (name: string) => {
      const row = screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
      return within(row).getAllByRole('cell')[2]?.textContent;
    };
    expect(format('Chat')).toBe('Button or link');
    expect(format('Edge tab')).toBe('Label');
    expect(format('Call')).toBe('Button or link');
  });

  it("moves the focus to the next row's Delete button, the one before, then Create", async () => {
    await list();
    await remove('Edge tab');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Call' })),
    );
    await remove('Call');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete Chat' })),
    );
    await remove('Chat');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Create a widget' })),
    );
  });

  it('after a delete on the widget’s own screen, says so and starts at the heading', async () => {
    noteDeleted('Old chat');
    await list();
    expect(screen.getByText('Old chat was deleted.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Widgets' }));
  });
});
