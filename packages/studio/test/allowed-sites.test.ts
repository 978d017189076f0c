// @vitest-environment jsdom
/** The Embed code tab tells where the code works, and warns when it works nowhere. */
import { defaultSettings } from '@frontdesk/config';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AllowedSites } from '../src/allowed-sites';
import type { Widget } from '../src/api';

afterEach(cleanup);

const widget = (allowedOrigins: string[]): Widget => ({
  id: 'w1',
  key: 'shop-chat',
  type: 'chat',
  name: 'Shop chat',
  active: true,
  settings: { ...defaultSettings('chat'), allowedOrigins },
  version: 1,
});

describe('the sites on the Embed code tab', () => {
  it('lists the sites where the widget may run', () => {
    render(h(AllowedSites, { widget: widget(['https://shop.example', 'http://localhost:*']) }));
    const section = screen.getByRole('region', { name: 'Sites where the widget may run' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['https://shop.example', 'http://localhost:*']);
    expect(within(section).queryByText(/^No site may run this widget yet/)).toBeNull();
    expect(within(section).getByText(/^On any other site the code shows nothing/)).toBeTruthy();
  });

  it('warns when no site may run it, and links to where sites are added', () => {
    render(h(AllowedSites, { widget: widget([]) }));
    const section = screen.getByRole('region', { name: 'Sites where the widget may run' });
    expect(within(section).queryAllByRole('listitem')).toEqual([]);
    expect(within(section).getByText(/^No site may run this widget yet/).textContent).toMatch(
      /^No site may run this widget yet: wherever the code is pasted, nothing shows/,
    );
    expect(within(section).getByRole('link').getAttribute('href')).toBe('#/widgets/w1/basic');
  });
});
