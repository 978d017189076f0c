/**
 * The live preview in Chromium: the real callback widget, started in preview mode inside the
 * Studio's panels, follows new settings without saving and leaves the marketer's focus alone.
 */
import { type CallbackSettings, defaultSettings } from '@frontdesk/config';
import { LivePreview } from '@frontdesk/studio';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { inWidget } from '../../core/test/support/widget-root';

afterEach(cleanup);

/** The callback widget in the preview's pane `name` ("Widget", "On the site"). */
const widgetIn = (name: string) =>
  inWidget('frontdesk-callback', screen.getByRole('region', { name }));

function settings(title: string): CallbackSettings {
  const s = defaultSettings('callback') as CallbackSettings;
  const working = { ...s.appearance.working, title: { ...s.appearance.working.title, ru: title } };
  return { ...s, appearance: { ...s.appearance, working } };
}

/** The text of the preview's heading once it shows `text`, from inside the widget's shadow root. */
async function headingShows(text: string): Promise<void> {
  await expect
    .poll(
      () =>
        within(widgetIn('Widget').getByRole('dialog')).getByRole('heading', { level: 2 })
          .textContent,
      { timeout: 5000 },
    )
    .toBe(text);
}

describe('LivePreview', () => {
  it('shows the real widget opened in the middle and its launcher on the right', async () => {
    render(h(LivePreview, { settings: settings('First title'), look: 'working' }));
    await headingShows('First title');
    const launcher = widgetIn('On the site').getByRole('button', { name: 'Заказать звонок' });
    expect(launcher.textContent).toBe('Заказать звонок');
    // The widgets live in the panels, not at the end of the page.
    expect([...document.body.children].map((child) => child.localName)).not.toContain(
      'frontdesk-callback',
    );
  });

  it('is busy from a change until the rebuilt widget has opened', async () => {
    const { rerender } = render(
      h(LivePreview, { settings: settings('First title'), look: 'working' }),
    );
    const pane = screen.getByRole('region', { name: 'Widget' });
    const busy = () => pane.querySelector('[aria-busy="true"]') !== null;
    expect(busy()).toBe(true);
    await headingShows('First title');
    await expect.poll(busy).toBe(false);
    rerender(h(LivePreview, { settings: settings('Second title'), look: 'working' }));
    expect(busy()).toBe(true);
    await headingShows('Second title');
    await expect.poll(busy).toBe(false);
  });

  it('follows new settings and keeps the focus where the marketer types', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    const { rerender } = render(
      h(LivePreview, { settings: settings('First title'), look: 'working' }),
    );
    await headingShows('First title');
    input.focus();
    rerender(h(LivePreview, { settings: settings('Second title'), look: 'working' }));
    await headingShows('Second title');
    expect(document.activeElement).toBe(input);
    // Still one widget in each pane, not one more per change.
    expect(document.getElementsByTagName('frontdesk-callback')).toHaveLength(2);
    expect(widgetIn('Widget').getByRole('dialog')).toBeTruthy();
    expect(widgetIn('On the site').getByRole('button')).toBeTruthy();
    input.remove();
  });

  it('shows the non-working, the "nobody available" and the lead-generator looks', async () => {
    const s = settings('Working');
    const { rerender } = render(h(LivePreview, { settings: s, look: 'non-working' }));
    await headingShows(s.appearance.nonWorking.title.ru ?? '');
    rerender(h(LivePreview, { settings: s, look: 'nobody' }));
    await headingShows(s.appearance.nobody.title.ru ?? '');
    rerender(h(LivePreview, { settings: s, look: 'lead' }));
    await headingShows(s.appearance.leadGenerator.title.ru ?? '');
  });

  it('speaks the language the marketer edits, launcher and all', async () => {
    const s = settings('Первый заголовок');
    const { rerender } = render(h(LivePreview, { settings: s, look: 'working', lang: 'en' }));
    await headingShows(s.appearance.working.title.en ?? '');
    const launcher = widgetIn('On the site').getByRole('button', { name: 'Request a call' });
    expect(launcher.textContent).toBe('Request a call');
    rerender(h(LivePreview, { settings: s, look: 'working', lang: 'ru' }));
    await headingShows('Первый заголовок');
  });
});
