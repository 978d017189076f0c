/**
 * The few public-config fields a widget's launcher reads (its look, languages, whether a lead
 * generator is on), checked by hand: the launcher is what every visitor downloads, and valibot
 * with the whole schema (and the schedule the schema feeds) belongs to the opened widget, which
 * validates the whole config with the type's schema before it shows anything. The messages are
 * the schemas' own, so a bad field reads the same whichever part finds it.
 */
import type { LocalizedText } from './localized-text';
import type { PublicConfig } from './public-config';

type PublicCallConfig = Extract<PublicConfig, { type: 'call' }>;
type PublicCallbackConfig = Extract<PublicConfig, { type: 'callback' }>;
type PublicChatConfig = Extract<PublicConfig, { type: 'chat' }>;

/** A bad field: its dotted path and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A field's check: what is wrong with `value`, or undefined when nothing is. */
export type FieldCheck = (value: unknown) => string | undefined;

/** A launcher's checks: the dotted path of each field it reads, and the field's check. */
export type LauncherFields = Record<string, FieldCheck>;

/** One of `options`, named as the schemas' picklists name them (`"a", "b" or "c"`). */
/* @__NO_SIDE_EFFECTS__ */
function oneOf(...options: string[]): FieldCheck {
  const quoted = options.map((option) => `"${option}"`);
  const message = `must be ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return (value) => (options.includes(value as string) ? undefined : message);
}

const flag: FieldCheck = (value) =>
  typeof value === 'boolean' ? undefined : 'must be true or false';

const colour: FieldCheck = (value) =>
  typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
    ? undefined
    : 'must be a colour "#rrggbb"';

/** A button's text per language (what the launcher shows; the opened widget checks the rest). */
const buttonText: FieldCheck = (value) => {
  const texts = value as Record<string, unknown> | null;
  return typeof texts === 'object' &&
    texts !== null &&
    ['ru', 'en'].every((locale) => texts[locale] === undefined || typeof texts[locale] === 'string')
    ? undefined
    : 'must be a text per language, like {"ru": "…", "en": "…"}';
};

const languages: FieldCheck = (value) =>
  !Array.isArray(value)
    ? 'must be a list of languages'
    : value.length === 0
      ? 'must name the main language'
      : value.every((locale) => locale === 'ru' || locale === 'en')
        ? undefined
        : 'must be "ru" or "en"';

/** Optional: absent, or an object (its rules are the opened part's to check). */
const optionalObject: FieldCheck = (value) =>
  value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))
    ? undefined
    : 'must be an object';

const accountTag: FieldCheck = (value) =>
  value === undefined || (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value))
    ? undefined
    : typeof value === 'string'
      ? 'must be an account tag'
      : 'must be text';

/** What every launcher reads: the languages, the edge it sits at, its button texts. */
const common: LauncherFields = {
  languages,
  'appearance.position': oneOf('left', 'right'),
  'appearance.working.buttonText': buttonText,
  'appearance.nobody.buttonText': buttonText,
};

/** The call launcher's fields. */
export const CALL_LAUNCHER_FIELDS: LauncherFields = {
  ...common,
  'appearance.shape': oneOf('square', 'rounded'),
  'appearance.primaryColor': colour,
  'appearance.secondaryColor': colour,
  'appearance.themed': flag,
};

/** The callback launcher's fields. */
export const CALLBACK_LAUNCHER_FIELDS: LauncherFields = {
  ...CALL_LAUNCHER_FIELDS,
  'appearance.callFormat': oneOf('popup', 'label'),
  'appearance.popupVariant': oneOf('button', 'link'),
  'appearance.shape': oneOf('square', 'rounded', 'figured'),
  leadGenerator: optionalObject,
};

/** The chat launcher's fields. */
export const CHAT_LAUNCHER_FIELDS: LauncherFields = {
  ...common,
  'appearance.theme': oneOf('light', 'dark'),
  'appearance.buttonColor': colour,
  accountTag,
  leadGenerator: optionalObject,
};

/** The issues of `config`'s `fields` (none: the launcher may read them). */
export function checkFields(config: unknown, fields: LauncherFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [path, check] of Object.entries(fields)) {
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], config);
    const message = check(value);
    if (message) issues.push({ path, message });
  }
  return issues;
}

/** Of a look `A`, its fields `K`, its edge, and the button texts (the launcher reads no more). */
type Look<A, K extends keyof A> = Pick<A, K | ('position' & keyof A)> & {
  working: { buttonText: LocalizedText };
  nobody: { buttonText: LocalizedText };
};

/** What the call launcher reads of its config (see {@link CALL_LAUNCHER_FIELDS}). */
export interface CallLauncherConfig extends Pick<PublicCallConfig, 'type' | 'languages'> {
  appearance: Look<
    PublicCallConfig['appearance'],
    'shape' | 'primaryColor' | 'secondaryColor' | 'themed'
  >;
}

/** What the callback launcher reads of its config (see {@link CALLBACK_LAUNCHER_FIELDS}). */
export interface CallbackLauncherConfig
  extends Pick<PublicCallbackConfig, 'type' | 'languages' | 'leadGenerator'> {
  appearance: Look<
    PublicCallbackConfig['appearance'],
    'shape' | 'primaryColor' | 'secondaryColor' | 'themed' | 'callFormat' | 'popupVariant'
  >;
}

/** What the chat launcher reads of its config (see {@link CHAT_LAUNCHER_FIELDS}). */
export interface ChatLauncherConfig
  extends Pick<PublicChatConfig, 'type' | 'languages' | 'leadGenerator' | 'accountTag'> {
  appearance: Look<PublicChatConfig['appearance'], 'theme' | 'buttonColor'>;
}

/** Each widget type's launcher config. */
export interface LauncherConfigs {
  call: CallLauncherConfig;
  callback: CallbackLauncherConfig;
  chat: ChatLauncherConfig;
}
