// @vitest-environment jsdom
import { LanguageContext } from '@frontdesk/staff';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CallList } from '../src/call-list';
import type { PhoneCall } from '../src/softphone-calls';
import type { PhoneStatus } from '../src/softphone-registration';

afterEach(cleanup);

const call = (id: string, state: PhoneCall['state'], widget?: string): PhoneCall => ({
  id,
  state,
  caller: widget ? { widget: { name: widget } } : null,
  digits: '',
  muted: false,
  ringingAt: Date.parse('2026-03-04T07:00:00Z'),
  order: null,
});

/** The calls list with `status` and `calls`, in `language`. */
function show(status: PhoneStatus, calls: PhoneCall[], language: 'en' | 'ru' = 'en') {
  render(
    h(
      LanguageContext.Provider,
      { value: { language, choose: async () => undefined } },
      h(CallList, { status, calls }),
    ),
  );
}

describe('the calls list', () => {
  it('says there is no call yet, and why the softphone is not ready', () => {
    show({ state: 'error', lines: [], problem: { kind: 'refused', code: 403 } }, []);
    expect(
      screen.getByText(
        'The softphone could not register. The SIP server did not accept your credentials (403).',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your lines' })).toBeNull();
    expect(screen.getByText(/^No calls right now\./)).toBeTruthy();
  });

  it('says why the softphone is not ready in Russian: no English from the SIP stack', () => {
    show({ state: 'error', lines: [], problem: { kind: 'refused', code: 404 } }, [], 'ru');
    expect(
      screen.getByText(
        'Софтфон не смог зарегистрироваться. SIP-сервер не знает вашей линии (404).',
      ),
    ).toBeTruthy();
    cleanup();
    show({ state: 'error', lines: [], problem: { kind: 'transport' } }, [], 'ru');
    expect(screen.getByText(/Не удалось связаться с SIP-сервером\.$/)).toBeTruthy();
    cleanup();
    show({ state: 'error', lines: [], problem: { kind: 'credentials' } }, [], 'en');
    expect(screen.getByText(/The platform gave no SIP credentials/)).toBeTruthy();
  });

  it('lists the lines and the calls in Russian', () => {
    const lines = [{ target: 'line1@vpbx.test', widgetName: 'Звонок с сайта' }];
    show(
      { state: 'registered', lines } as PhoneStatus,
      [call('c1', 'ringing', 'Магазин'), call('c2', 'answered')],
      'ru',
    );
    expect(screen.getByText('Готов принимать звонки')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Ваши линии' }).textContent).toBe('Звонок с сайта');
    const rows = within(screen.getByRole('list', { name: 'Звонки сейчас' })).getAllByRole(
      'listitem',
    );
    expect(rows[0]?.textContent).toMatch(/^Звонит Магазин, \d{1,2}:\d{2}/);
    expect(rows[1]?.textContent).toMatch(/^Разговор Неизвестный виджет, /);
    expect(screen.getByText(/— ответить на звонок;/)).toBeTruthy();
  });

  it('says which call is an automatic callback, in either language', () => {
    const automatic: PhoneCall = {
      ...call('c3', 'ringing'),
      order: {
        id: 'o1',
        phone: '+79123456789',
        name: 'Иван',
        widget: { id: 'w1', name: 'Магазин' },
      },
    };
    show({ state: 'no-lines', lines: [] }, [automatic]);
    expect(
      screen.getByText('No call lines are assigned to you: only automatic callbacks ring here.'),
    ).toBeTruthy();
    const row = () =>
      within(screen.getByRole('list', { name: /Calls now|Звонки сейчас/ })).getByRole('listitem');
    expect(row().textContent).toMatch(/^Ringing Automatic callback, Магазин, /);
    cleanup();
    show({ state: 'no-lines', lines: [] }, [automatic], 'ru');
    expect(row().textContent).toMatch(/^Звонит Автоматический обратный звонок, Магазин, /);
  });
});
