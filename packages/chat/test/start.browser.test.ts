/**
 * The chat widget in Chromium, in preview mode (no platform, no socket): its Shadow DOM and
 * styles hold against a hostile page, the window behaves as a dialog (focus, Esc), the log and
 * composer look as they must, and the callback tab brings the callback form.
 */
import { start } from '@frontdesk/chat';
import { type CallbackSettings, defaultSettings } from '@frontdesk/config';
import type { WidgetHandle, WidgetHost } from '@frontdesk/core';
import { within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { allElements } from '../../core/test/support/all-elements';
import { waitFor } from '../../core/test/support/wait-for';
import { inWidget, launcherBadge } from '../../core/test/support/widget-root';
import { chatConfig } from './fixtures';

const callbackDefaults = defaultSettings('callback') as CallbackSettings;
let handle: WidgetHandle | undefined;
let hostile: CSSStyleSheet | undefined;

function mount(extra: Partial<WidgetHost> = {}) {
  handle = start({
    key: 'test-chat',
    config: chatConfig(),
    consent: false,
    api: 'https://fd.example/v1/',
    emit: () => {},
    report: (error) => {
      throw error;
    },
    preview: 'working',
    ...extra,
  });
  const root = document.querySelector('frontdesk-chat')?.shadowRoot;
  if (!root) throw new Error('not mounted');
  return { root, launcher: widget().getByRole('button', { expanded: false }) };
}

const widget = () => inWidget('frontdesk-chat');

/** The element focused, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The open window once its sample conversation shows and it has finished moving in. */
async function windowOf(): Promise<HTMLElement> {
  const dialog = await waitFor(() => {
    const found = widget().getByRole('dialog');
    if (within(found).getByRole('log').children.length === 0) throw new Error('no window yet');
    return found;
  });
  await Promise.all(dialog.getAnimations().map((animation) => animation.finished));
  return dialog;
}

beforeEach(async () => {
  await page.viewport(1024, 768);
  hostile = new CSSStyleSheet();
  hostile.replaceSync(`
    * { all: unset !important; }
    html { font-size: 40px !important; }
    frontdesk-chat { display: none !important; position: absolute !important; transform: scale(0) !important; }
    button, input, textarea { font-size: 40px !important; color: red !important; }
  `);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostile];
});

afterEach(() => {
  handle?.destroy();
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== hostile);
});

describe('the chat widget in a browser', () => {
  it('shows its launcher in the button colour, whatever the page CSS says', () => {
    const { root, launcher } = mount();
    const style = getComputedStyle(launcher as Element);
    expect(style.position).toBe('fixed');
    expect(style.backgroundColor).toBe('rgb(26, 175, 93)');
    expect(style.fontSize).toBe('16px');
    const box = (launcher as Element).getBoundingClientRect();
    expect(Math.round(innerWidth - box.right)).toBe(20);
    expect(Math.round(innerHeight - box.bottom)).toBe(20);
    const elements = allElements(root);
    expect(elements.length).toBeGreaterThan(1);
    expect(
      elements.filter((el) => el.localName === 'style' || el.hasAttribute('style')),
    ).toHaveLength(0);
    expect(getComputedStyle(launcherBadge(launcher)).display).toBe('none');
  });

  it('opens a named window in its corner with the log and a 16 px composer; Esc closes it', async () => {
    const { root, launcher } = mount();
    await userEvent.click(launcher as Element);
    const dialog = await windowOf();
    // The visitor's language (this Chromium speaks English), as the config offers it.
    expect(root.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Online chat',
    );
    expect(widget().getByRole('dialog', { name: 'Online chat' })).toBe(dialog);
    const log = within(dialog).getByRole('log');
    // The log's messages: the sample conversation's two.
    const messages = () => [...log.children] as HTMLElement[];
    expect(messages()).toHaveLength(2);
    // The visitor's own messages on the right in the button colour, the operator's on the left.
    const [mine, theirs] = messages();
    expect(getComputedStyle(mine as Element).backgroundColor).toBe('rgb(26, 175, 93)');
    expect((mine as Element).getBoundingClientRect().right).toBeGreaterThan(
      (theirs as Element).getBoundingClientRect().right,
    );
    // The sample's address is a safe link.
    const link = within(log).getByRole('link') as HTMLAnchorElement;
    expect([link.href, link.target, link.rel]).toEqual([
      'https://example.com/delivery',
      '_blank',
      'noopener noreferrer',
    ]);
    const input = within(dialog).getByRole('textbox', {
      name: 'Your message',
    }) as HTMLTextAreaElement;
    await waitFor(() => expect(focused()).toBe(input));
    expect(input.id).toBe('fd-chat-input');
    expect(getComputedStyle(input).fontSize).toBe('16px');
    const box = dialog.getBoundingClientRect();
    expect(Math.round(innerWidth - box.right)).toBe(20);
    expect(box.height).toBeGreaterThan(300);

    await userEvent.keyboard('Hello{Shift>}{Enter}{/Shift}there');
    expect(input.value).toBe('Hello\nthere');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(messages()).toHaveLength(3));
    // Its words as typed, the new line kept (the query itself reads white space as one space).
    expect(within(messages()[2] as HTMLElement).getByText('Hello there').textContent).toBe(
      'Hello\nthere',
    );

    await userEvent.keyboard('{Escape}');
    expect(widget().queryByRole('dialog', { hidden: true })).toBeNull();
    expect(focused()).toBe(launcher);
  });

  it('takes the dark theme', async () => {
    mount({
      config: chatConfig((s) => ({ ...s, appearance: { ...s.appearance, theme: 'dark' } })),
    });
    handle?.open();
    const dialog = await windowOf();
    expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(31, 36, 48)');
    expect(getComputedStyle(dialog).color).toBe('rgb(255, 255, 255)');
  });

  it('brings the callback form in its own tab', async () => {
    mount({
      config: chatConfig((s) => ({
        ...s,
        channels: { ...s.channels, callback: { enabled: true, mode: callbackDefaults.mode } },
      })),
    });
    handle?.open();
    const dialog = await windowOf();
    const tab = within(dialog).getAllByRole('tab')[1] as HTMLElement;
    await userEvent.click(tab);
    const phone = await waitFor(() =>
      within(dialog).getByRole('textbox', { name: 'Phone number' }),
    );
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(getComputedStyle(phone).fontSize).toBe('16px');
  });
});
