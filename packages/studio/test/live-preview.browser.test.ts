/**
 * The live preview in Chromium: the real callback widget, started in preview mode inside the
 * Studio's panels, follows new settings without saving and leaves the marketer's focus alone.
 */
import { type CallbackSettings, defaultSettings } from '@frontdesk/config';
import { LivePreview } from '@frontdesk/studio';
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

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
        document
          .querySelector('[data-preview="opened"] > frontdesk-callback')
          ?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent,
      { timeout: 5000 },
    )
    .toBe(text);
}

describe('LivePreview', () => {
  it('shows the real widget opened in the middle and its launcher on the right', async () => {
    render(h(LivePreview, { settings: settings('First title'), look: 'working' }), root);
    await headingShows('First title');
    const launcher = document
      .querySelector('[data-preview="launcher"] > frontdesk-callback')
      ?.shadowRoot?.querySelector('.launcher');
    expect(launcher?.textContent).toBe('Заказать звонок');
    // The widgets live in the panels, not at the end of the page.
    expect(document.querySelector('body > frontdesk-callback')).toBeNull();
  });

  it('follows new settings and keeps the focus where the marketer types', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    render(h(LivePreview, { settings: settings('First title'), look: 'working' }), root);
    await headingShows('First title');
    input.focus();
    render(h(LivePreview, { settings: settings('Second title'), look: 'working' }), root);
    await headingShows('Second title');
    expect(document.activeElement).toBe(input);
    expect(document.querySelectorAll('frontdesk-callback')).toHaveLength(2);
    input.remove();
  });

  it('shows the non-working, the "nobody available" and the lead-generator looks', async () => {
    const s = settings('Working');
    render(h(LivePreview, { settings: s, look: 'non-working' }), root);
    await headingShows(s.appearance.nonWorking.title.ru ?? '');
    render(h(LivePreview, { settings: s, look: 'nobody' }), root);
    await headingShows(s.appearance.nobody.title.ru ?? '');
    render(h(LivePreview, { settings: s, look: 'lead' }), root);
    await headingShows(s.appearance.leadGenerator.title.ru ?? '');
  });

  it('speaks the language the marketer edits, launcher and all', async () => {
    const s = settings('Первый заголовок');
    render(h(LivePreview, { settings: s, look: 'working', lang: 'en' }), root);
    await headingShows(s.appearance.working.title.en ?? '');
    const launcher = document
      .querySelector('[data-preview="launcher"] > frontdesk-callback')
      ?.shadowRoot?.querySelector('.launcher');
    expect(launcher?.textContent).toBe('Request a call');
    render(h(LivePreview, { settings: s, look: 'working', lang: 'ru' }), root);
    await headingShows('Первый заголовок');
  });
});
