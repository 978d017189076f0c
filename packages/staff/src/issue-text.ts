/**
 * Validation messages in the staff apps' language. They come from `@frontdesk/config` (the
 * schemas the platform checks with too), in English — in the Studio's form, and in the
 * platform's refusals naming a field; in Russian they are said by the rules below — one per
 * message or family of messages ("must be at most 80 characters"). A message no rule knows (a
 * newer config's) says only that the value does not fit: never English on a Russian screen.
 */
import { plural } from '@frontdesk/config';
import type { Language } from './i18n/language';

/** A family of messages and its Russian, from the family's parts. */
type Rule = [RegExp, (...parts: string[]) => string];

/**
 * What a messenger's field must be (`must be ${what}`, and a secret's `must be ${what}, null to
 * clear it, …`), in Russian: config's own words for each, as the Studio's channel screens ask.
 */
const KINDS: Readonly<Record<string, string>> = {
  'a Telegram bot token like 123456789:AAH…': 'токеном бота Telegram вида 123456789:AAH…',
  'a Telegram bot token': 'токеном бота Telegram',
  "a Telegram bot's username": 'именем бота Telegram (латиница, цифры и _)',
  'a Viber bot token': 'токеном бота Viber',
  "a Viber bot's chat URI (letters, digits, . _ -)":
    'адресом чата бота Viber (латиница, цифры, . _ -)',
  'a VK community access token': 'ключом доступа сообщества ВКонтакте',
  'a VK community id or short name': 'номером или коротким адресом сообщества ВКонтакте',
  'a Facebook Page access token': 'токеном доступа страницы Facebook',
  'a Facebook page id or username': 'номером или именем страницы Facebook',
};

/** `must be ${what}` for a `what` of {@link KINDS}. */
function kindPattern(): RegExp {
  const kinds = Object.keys(KINDS).map((what) => what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^must be (${kinds.join('|')})$`);
}

/** A list's items in the genitive for "не больше N …": [one, other]. */
const ITEMS: Readonly<Record<string, [string, string]>> = {
  origins: ['сайта', 'сайтов'],
  'auto-replies': ['автоответа', 'автоответов'],
  breaks: ['перерыва', 'перерывов'],
  exceptions: ['исключения', 'исключений'],
  addresses: ['адреса', 'адресов'],
  numbers: ['номера', 'номеров'],
};

const count = (n: string, [one, other]: [string, string]) =>
  plural('ru', Number(n), { one: `# ${one}`, other: `# ${other}` });

/** Quoted choices, `"left" or "right"`, as «left», «right». */
const choices = (list: string) =>
  list
    .split(/, | or /)
    .map((choice) => `«${choice.replaceAll('"', '')}»`)
    .join(', ');

const RU: readonly Rule[] = [
  [/^must not be empty$/, () => 'не должно быть пустым'],
  [/^must be text$/, () => 'должно быть текстом'],
  [/^must be a number$/, () => 'должно быть числом'],
  [/^must be a whole number$/, () => 'должно быть целым числом'],
  [/^must be whole seconds$/, () => 'должно быть целым числом секунд'],
  [/^must be true or false$/, () => 'должно быть «да» или «нет»'],
  [/^must be a URL$/, () => 'должно быть адресом (URL)'],
  [/^must be a colour "#rrggbb"$/, () => 'должно быть цветом вида «#rrggbb»'],
  [/^must be a date "YYYY-MM-DD"$/, () => 'должно быть датой вида «ГГГГ-ММ-ДД»'],
  [/^must be a time "HH:MM"$/, () => 'должно быть временем вида «ЧЧ:ММ»'],
  [/^must be an IANA time zone$/, () => 'должно быть часовым поясом IANA, например Europe/Moscow'],
  [/^must be an e-mail address$/, () => 'должно быть адресом эл. почты'],
  [
    /^must be an e-mail address like (\S+)$/,
    (_, x = '') => `должно быть адресом эл. почты, например ${x}`,
  ],
  [
    /^must be a phone number in international format, like (\S+)$/,
    (_, x = '') => `должно быть номером в международном формате, например ${x}`,
  ],
  [
    /^must be a site like /,
    () =>
      'должно быть сайтом, например https://shop.example, https://shop.example:8443 или http://localhost:* (http или https, хост, по желанию порт или *, без пути)',
  ],
  [/^must be a text per language/, () => 'должно быть текстом для каждого языка'],
  [/^must name the main language$/, () => 'должно называть основной язык'],
  [/^must not contain NUL characters$/, () => 'не должно содержать символов NUL'],
  [
    /^must not contain lone UTF-16 surrogates$/,
    () => 'не должно содержать одиночных суррогатов UTF-16',
  ],
  [/^must be a list of /, () => 'должно быть списком'],
  [/^must be an object keyed by weekday$/, () => 'должно задавать каждый день недели'],
  [/^must be at most 86400 \(a day\)$/, () => 'должно быть не больше 86400 (сутки)'],
  [
    /^must be at most (\d+) characters$/,
    (_, n = '') => `должно быть не длиннее ${count(n, ['символа', 'символов'])}`,
  ],
  [/^must be at most (\d+)$/, (_, n = '') => `должно быть не больше ${n}`],
  [/^must be at least (\d+)$/, (_, n = '') => `должно быть не меньше ${n}`],
  [/^must be 0 or more$/, () => 'должно быть не меньше 0'],
  [/^must be 1$/, () => 'должно быть равно 1'],
  [
    /^must be a whole number from (\d+) to (\d+)$/,
    (_, a = '', b = '') => `должно быть целым числом от ${a} до ${b}`,
  ],
  [
    /^must have at most (\d+) (\S+)$/,
    (_, n = '', what = '') => {
      const items = ITEMS[what];
      return items ? `должно быть не больше ${count(n, items)}` : `должно быть не больше ${n}`;
    },
  ],
  [
    /^must be ((?:"[^"]*"(?:, | or ))+"[^"]*")$/,
    (_, list = '') => `должно быть одним из: ${choices(list)}`,
  ],
  [/^must be one of (.+)$/, (_, list = '') => `должно быть одним из: ${list}`],
  [/^must be off, short or work$/, () => 'должно быть одним из: «off», «short», «work»'],
  [
    /^must be (.+), null to clear it, or left out to keep it$/,
    (_, what = '') =>
      `должно быть ${KINDS[what] ?? 'секретом'}, null — чтобы стереть, или отсутствовать — чтобы оставить`,
  ],
  [kindPattern(), (_, what = '') => `должно быть ${KINDS[what]}`],
  [
    /^the lead generator works only in automatic mode$/,
    () => 'генератор лидов работает только в автоматическом режиме',
  ],
  [
    /^choose at least one trigger, or turn the lead generator off$/,
    () => 'выберите хотя бы один триггер или выключите генератор лидов',
  ],
  [
    /^give at least one e-mail address or SMS number to notify$/,
    () => 'укажите хотя бы один адрес эл. почты или номер для SMS-уведомлений',
  ],
];

/**
 * `message` (a validation issue's, or a refusal already worded by the app) in `language`;
 * undefined when no rule knows it.
 */
export function knownIssueText(language: Language, message: string): string | undefined {
  // Already said in the app's language (a platform refusal the app worded, errorText).
  if (language === 'en' || /\p{Script=Cyrillic}/u.test(message)) return message;
  for (const [pattern, say] of RU) {
    const found = pattern.exec(message);
    if (found) return say(...found);
  }
  return undefined;
}

/** `message` in `language` (see {@link knownIssueText}), or that the value does not fit. */
export function issueText(language: Language, message: string): string {
  return knownIssueText(language, message) ?? 'значение не подходит';
}
