// @vitest-environment jsdom
import type { CallHistoryEntry } from '@frontdesk/config';
import { CallHistoryScreen, LanguageContext } from '@frontdesk/staff';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T0 = Date.parse('2026-03-04T07:00:00Z');

const order: CallHistoryEntry = {
  kind: 'callback',
  id: 'o1',
  widgetId: 'w-callback',
  caller: '+79991234567',
  callerName: 'Ivan',
  dialled: 'Shop callback',
  line: '+74950001122',
  status: 'done',
  result: 'answered',
  at: T0,
  slot: null,
  answeredAt: T0 + 60_000,
  endedAt: T0 + 120_000,
  duration: null,
  operator: { id: 'u1', name: 'Olga' },
  page: { url: 'https://shop.example/kettles', title: 'Kettles' },
  utm: { source: 'ya', campaign: 'spring' },
  note: 'Called back',
  visitorTimeZone: null,
  failReason: null,
  trunk: null,
};

const call: CallHistoryEntry = {
  ...order,
  kind: 'call',
  id: 'c1',
  widgetId: 'w-call',
  caller: 'Call us',
  callerName: null,
  dialled: 'line12345@vpbx1.sip.test',
  line: 'line12345@vpbx1.sip.test',
  status: 'busy',
  result: 'busy',
  at: T0 + 3_600_000,
  answeredAt: null,
  endedAt: null,
  operator: null,
  note: null,
};

const widget = (id: string, name: string, timeZone: string, sipLine: string | null) => ({
  id,
  name,
  sipLine,
  settings: { schedule: { timeZone } },
});

/** The platform behind `fetch`: history pages by cursor, widgets and users; every URL asked. */
function platform(pages: Record<string, { items: CallHistoryEntry[]; next: string | null }>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://staff.test');
      asked.push(url.pathname + url.search);
      const body =
        url.pathname === '/v1/admin/widgets'
          ? {
              widgets: [
                widget('w-callback', 'Shop callback', 'Europe/Moscow', null),
                widget('w-call', 'Call us', 'Europe/London', 'line12345@vpbx1.sip.test'),
              ],
            }
          : url.pathname === '/v1/admin/users'
            ? { users: [{ id: 'u1', name: 'Olga', role: 'operator' }] }
            : (pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], next: null });
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return asked;
}

describe('CallHistoryScreen', () => {
  it('lists calls and orders with the widget’s name, in the viewer’s and the company’s time', async () => {
    platform({ '': { items: [call, order], next: null } });
    render(h(CallHistoryScreen, { viewerZone: 'Europe/London' }));
    await screen.findByRole('button', { name: '4 Mar 2026, 08:00' });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    const [, callRow, orderRow] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(callRow).getByRole('button', { name: '4 Mar 2026, 08:00' })).toBeTruthy();
    expect(callRow.textContent).toContain('Call us');
    expect(callRow.textContent).toContain('Busy');
    // The call widget's zone is the viewer's: one time. The order's company is in Moscow.
    expect(callRow.textContent).not.toContain('Europe/');
    expect(within(orderRow).getByRole('button', { name: '4 Mar 2026, 07:00' })).toBeTruthy();
    expect(orderRow.textContent).toContain('4 Mar 2026, 10:00 Europe/Moscow');
    expect(orderRow.textContent).toContain('Shop callback');
    expect(orderRow.textContent).toContain('Olga');
    expect(orderRow.textContent).toContain('ya / spring');
  });

  it('applies the filters, links the CSV of what they show and pages on', async () => {
    const asked = platform({
      '': { items: [call], next: 'c2' },
      c2: { items: [order], next: null },
    });
    render(h(CallHistoryScreen, { viewerZone: 'Europe/Moscow' }));
    await screen.findByRole('option', { name: 'Olga' });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-03-04' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-03-04' } });
    fireEvent.change(screen.getByLabelText('Answered by'), { target: { value: 'u1' } });
    fireEvent.change(screen.getByLabelText('Result'), { target: { value: 'busy' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'call' } });
    fireEvent.change(screen.getByLabelText('Widget'), { target: { value: 'w-call' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const query =
      'from=2026-03-03T21%3A00%3A00.000Z&to=2026-03-04T21%3A00%3A00.000Z&widget=w-call' +
      '&operator=u1&result=busy&channel=call';
    await waitFor(() => expect(asked).toContain(`/v1/admin/call-history?${query}`));
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      `/v1/admin/call-history.csv?${query}`,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(asked.at(-1)).toBe(`/v1/admin/call-history?${query}&cursor=c2`);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('opens a row’s details, with a link to a closed order, and closes them back to the row', async () => {
    platform({ '': { items: [order], next: null } });
    render(
      h(CallHistoryScreen, {
        viewerZone: 'Europe/Moscow',
        orderHref: (id) => `#/orders?order=${id}`,
      }),
    );
    const open = await screen.findByRole('button', { name: '4 Mar 2026, 10:00' });
    fireEvent.click(open);
    const details = screen.getByRole('region', { name: 'Order from +79991234567' });
    expect(document.activeElement).toBe(within(details).getByRole('heading'));
    expect(within(details).getByText('Called back')).toBeTruthy();
    expect(within(details).getByText('Kettles — https://shop.example/kettles')).toBeTruthy();
    expect(within(details).getByRole('link', { name: 'Open the order' }).getAttribute('href')).toBe(
      '#/orders?order=o1',
    );
    fireEvent.click(within(details).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: /Order from/ })).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('shows a trunk call’s channel in its row, offers the channel, and says why it failed', async () => {
    const failed: CallHistoryEntry = {
      ...call,
      kind: 'trunk',
      id: 'c2',
      status: 'failed',
      result: 'failed',
      failReason: 'trunk_unavailable',
    };
    const forwarded: CallHistoryEntry = {
      ...call,
      kind: 'trunk',
      id: 'c3',
      at: T0 + 7_200_000,
      status: 'completed',
      result: 'answered',
      operator: { id: 'u1', name: 'Olga' },
      trunk: { id: 't1', name: 'Beeline', number: '+79161234567' },
    };
    const asked = platform({ '': { items: [forwarded, failed, call], next: null } });
    render(h(CallHistoryScreen, { viewerZone: 'Europe/London' }));
    const [, forwardedRow, failedRow, callRow] = await waitFor(() => {
      const rows = screen.getAllByRole('row');
      expect(rows).toHaveLength(4);
      return rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    });
    expect(forwardedRow.textContent).toContain('Trunk call');
    expect(failedRow.textContent).toContain('Trunk call');
    expect(callRow.textContent).toContain('Call from the site');

    fireEvent.click(within(failedRow).getByRole('button'));
    const details = screen.getByRole('region', { name: 'Call from Call us' });
    const value = (term: string) =>
      within(details).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Channel')).toBe('Trunk call');
    expect(value('Result')).toBe('Failed');
    expect(value('Failure')).toBe('Trunk unavailable');
    expect(value('Trunk')).toBe('—');
    fireEvent.click(within(details).getByRole('button', { name: 'Close details' }));
    fireEvent.click(within(forwardedRow).getByRole('button'));
    const answered = screen.getByRole('region', { name: 'Call from Call us' });
    expect(
      within(answered).getByText('Trunk', { selector: 'dt' }).nextElementSibling?.textContent,
    ).toBe('Beeline, +79161234567');
    expect(
      within(answered).getByText('Failure', { selector: 'dt' }).nextElementSibling?.textContent,
    ).toBe('—');

    fireEvent.change(screen.getByLabelText('Channel'), {
      target: { value: screen.getByRole('option', { name: 'Trunk call' }).getAttribute('value') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(asked).toContain('/v1/admin/call-history?channel=trunk'));
  });

  it('says when nothing matches, and is clean under axe', async () => {
    platform({});
    const { container } = render(h(CallHistoryScreen, { viewerZone: 'Europe/Moscow' }));
    await screen.findByText('Nothing matches these filters.');
    const outcome = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(outcome.violations.map((v) => v.id)).toEqual([]);
  });

  it('says the status in the viewer’s language beside the result it adds to', async () => {
    const missed: CallHistoryEntry = { ...call, status: 'no_answer', result: 'missed' };
    platform({ '': { items: [missed], next: null } });
    render(
      h(
        LanguageContext.Provider,
        { value: { language: 'ru', choose: async () => undefined } },
        h(CallHistoryScreen, { viewerZone: 'Europe/London' }),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: '4 мар. 2026 г., 08:00' }));
    const details = screen.getByRole('region', { name: 'Звонок от Call us' });
    expect(
      within(details).getByText('Результат', { selector: 'dt' }).nextElementSibling?.textContent,
    ).toBe('Пропущен (без ответа)');
  });

  it('speaks Russian: headings, filters, columns, results and Russian dates', async () => {
    platform({ '': { items: [call, order], next: null } });
    render(
      h(
        LanguageContext.Provider,
        { value: { language: 'ru', choose: async () => undefined } },
        h(CallHistoryScreen, { viewerZone: 'Europe/London' }),
      ),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'История звонков' })).toBeTruthy();
    const filters = screen.getByRole('form', { name: 'Фильтр истории звонков' });
    expect(within(filters).getByRole('combobox', { name: 'Результат' })).toBeTruthy();
    expect(within(filters).getByRole('button', { name: 'Применить' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Кто ответил' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Выгрузить в CSV' })).toBeTruthy();
    const row = await screen.findByRole('button', { name: '4 мар. 2026 г., 08:00' });
    const callRow = row.closest('tr') as HTMLElement;
    expect(callRow.textContent).toContain('Звонок с сайта');
    expect(callRow.textContent).toContain('Занято');
    fireEvent.click(row);
    expect(await screen.findByRole('heading', { name: 'Звонок от Call us' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Закрыть подробности' })).toBeTruthy();
  });
});
