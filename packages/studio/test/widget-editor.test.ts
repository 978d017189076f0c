// @vitest-environment jsdom
/**
 * The widget's settings screen: one set of tab names for every type, errors only after a field
 * is left or a save is tried, an exception switched to open filled with the day's usual hours,
 * and the messengers' how-to links.
 */
import {
  type CallbackSettings,
  type ChatSettings,
  defaultSettings,
  type WidgetSettings,
} from '@frontdesk/config';
import { LanguageContext } from '@frontdesk/staff';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Widget } from '../src/api';
import { studioTexts } from '../src/i18n/studio-texts';
import { tabsOf, WidgetEditor } from '../src/widget-editor';
import { axeViolations } from './axe';
import { fakePlatform, type SeenRequest, session } from './fake-platform';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const widgetOf = (settings: WidgetSettings): Widget => ({
  id: 'w1',
  key: 'shop-widget',
  type: settings.type,
  name: 'Shop',
  active: true,
  settings,
  version: 1,
});

/** The editor of a widget with `settings` on `tab`, over a fake platform. */
async function editor(
  settings: WidgetSettings,
  tab = 'basic',
  language: 'en' | 'ru' = 'en',
): Promise<SeenRequest[]> {
  const widget = widgetOf(settings);
  const seen = fakePlatform({
    'GET /v1/admin/widgets/w1': () => ({ body: widget }),
    'GET /v1/admin/users': () => ({ body: { users: [] } }),
    'GET /v1/admin/groups': () => ({ body: { groups: [] } }),
    'PATCH /v1/admin/widgets/w1': (body) => ({
      body: { ...widget, ...(body as object), version: 2 },
    }),
  });
  render(
    h(
      LanguageContext.Provider,
      { value: { language, choose: async () => undefined } },
      h(WidgetEditor, { session, id: 'w1', tab }),
    ),
  );
  await screen.findByRole('heading', { level: 1 });
  return seen;
}

const tabNames = () =>
  within(screen.getByRole('navigation', { name: 'Settings' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the widget editor', () => {
  it('names the tabs alike for every type, in the source order', async () => {
    const names = ['Settings', 'Appearance', 'Schedule', 'Embed code'];
    const namesOf = (settings: WidgetSettings) =>
      tabsOf(settings, studioTexts.en.editor.tabs).map(([, name]) => name);
    expect(namesOf(defaultSettings('call'))).toEqual(names);
    expect(namesOf(defaultSettings('chat'))).toEqual(names);
    // The callback's lead generator has its tab in automatic mode (the default) only.
    const callback = defaultSettings('callback') as CallbackSettings;
    expect(namesOf(callback)).toEqual([...names.slice(0, 3), 'Lead generator', 'Embed code']);
    expect(namesOf({ ...callback, mode: { kind: 'manual', emails: [], smsNumbers: [] } })).toEqual(
      names,
    );
    await editor(defaultSettings('chat'));
    expect(tabNames()).toEqual(names);
  });

  it('shows a new empty field’s error once it is left, not when its box is ticked', async () => {
    await editor(defaultSettings('chat'));
    await user().click(screen.getByLabelText('Connect Telegram'));
    const token = within(screen.getByRole('group', { name: 'Telegram' })).getByLabelText(
      'Bot token',
    );
    expect(token.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryAllByRole('alert')).toEqual([]);
    fireEvent.blur(token);
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/Telegram bot token/);
  });

  it('shows every error on save, and puts the focus on the first', async () => {
    const seen = await editor(defaultSettings('chat'));
    await user().click(screen.getByLabelText('Connect Viber'));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' ' } });
    expect(screen.queryAllByRole('alert')).toEqual([]);
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Not saved: \d+ fields? needs? fixing\.$/);
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(screen.getByText('Give the widget a name.')).toBeTruthy();
    const viber = within(screen.getByRole('group', { name: 'Viber' }));
    expect(viber.getByLabelText('Bot token').getAttribute('aria-invalid')).toBe('true');
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('fills an exception switched to open with the usual hours of its weekday', async () => {
    const callback = defaultSettings('callback') as CallbackSettings;
    await editor(
      {
        ...callback,
        schedule: {
          ...callback.schedule,
          week: { mon: { from: '10:00', to: '19:00' }, sat: { from: '11:00', to: '15:00' } },
          // 2026-03-07 is a Saturday; 2026-03-08 a Sunday, a day off.
          exceptions: [
            { date: '2026-03-07', closed: true },
            { date: '2026-03-08', closed: true },
          ],
        },
      },
      'schedule',
    );
    const [saturday, sunday] = screen.getAllByLabelText('Closed all day');
    await user().click(saturday as HTMLElement);
    await user().click(sunday as HTMLElement);
    const value = (label: string) =>
      screen.getAllByLabelText(label).map((input) => (input as HTMLInputElement).value);
    expect(value('From')).toEqual(['11:00', '10:00']);
    expect(value('To')).toEqual(['15:00', '19:00']);
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('links each messenger to where its token or id comes from', async () => {
    await editor(defaultSettings('chat') as ChatSettings);
    const link = (group: string) =>
      within(screen.getByRole('group', { name: group })).getByRole('link');
    expect(link('Telegram').getAttribute('href')).toBe('https://t.me/BotFather');
    expect(link('Telegram').textContent).toMatch(/bot token.*@BotFather/);
    expect(link('Viber').getAttribute('href')).toBe('https://partners.viber.com/');
    expect(link('VKontakte').getAttribute('href')).toMatch(/^https:\/\/vk\.com\//);
    expect(link('Facebook').getAttribute('href')).toMatch(/^https:\/\/www\.facebook\.com\//);
    expect(link('Telegram').getAttribute('rel')).toContain('noopener');
  });

  it('reads the sites as their owner types them when the field is left', async () => {
    await editor(defaultSettings('call'));
    const sites = screen.getByLabelText('Sites where the widget may run') as HTMLTextAreaElement;
    fireEvent.input(sites, { target: { value: 'Example.com\nhttps://example.com/\nlocalhost:*' } });
    fireEvent.blur(sites);
    expect(sites.value).toBe('https://example.com\nhttp://localhost:*');
    fireEvent.input(sites, { target: { value: 'https://example.com\nnot a site' } });
    fireEvent.blur(sites);
    expect(sites.value).toBe('https://example.com\nnot a site');
    expect(screen.getByRole('alert').textContent).toMatch(/^item 2: must be a site like/);
  });

  it('speaks Russian in the source’s terms: tabs, the schedule’s sections, saving', async () => {
    await editor(defaultSettings('callback'), 'schedule', 'ru');
    expect(
      within(screen.getByRole('navigation', { name: 'Настройки' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Настройки', 'Внешний вид', 'Расписание', 'Генератор лидов', 'Код для сайта']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Shop (Обратный звонок)');
    expect(screen.getByRole('group', { name: 'Рабочее время' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Исключения' })).toBeTruthy();
    const zone = screen.getByRole('combobox', { name: 'Часовой пояс' }) as HTMLSelectElement;
    expect(zone.selectedOptions[0]?.textContent).toMatch(/^Europe\/Moscow — Москв/);
    expect(
      screen.getByRole('checkbox', { name: 'Учитывать государственные праздники' }),
    ).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Перерыв на обед' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Шаблон: 24/7' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Предпросмотр' })).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Тест виджета (откроется в новой вкладке)' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Удалить виджет' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сохранить' })).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
