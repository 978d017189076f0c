import {
  CALL_LAUNCHER_FIELDS,
  CALLBACK_LAUNCHER_FIELDS,
  CHAT_LAUNCHER_FIELDS,
  checkFields,
  defaultSettings,
  type LauncherFields,
  PublicCallbackConfigSchema,
  PublicCallConfigSchema,
  PublicChatConfigSchema,
  type PublicSchemas,
  parsePublicConfigOf,
  toPublicConfig,
  type WidgetSettings,
} from '@frontdesk/config';
import { calendarDays } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

type Type = keyof PublicSchemas;

const TYPES: [Type, LauncherFields, PublicSchemas[Type]][] = [
  ['call', CALL_LAUNCHER_FIELDS, PublicCallConfigSchema],
  ['callback', CALLBACK_LAUNCHER_FIELDS, PublicCallbackConfigSchema],
  ['chat', CHAT_LAUNCHER_FIELDS, PublicChatConfigSchema],
];

/** A real public config of `type`, made the way the platform makes it. */
function configOf(type: Type): Record<string, unknown> {
  return toPublicConfig(
    {
      key: 'k',
      type,
      name: type,
      settings: defaultSettings(type, { timeZone: 'Europe/Moscow' }) as WidgetSettings,
      sipLine: null,
    },
    calendarDays('ru', '2026-03-04', 60),
    { now: new Date('2026-03-04T07:00:00Z'), accountTag: 'tag-1' },
  ) as unknown as Record<string, unknown>;
}

/** `config` with the field at dotted `path` set to `value`. */
function withField(config: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(config);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = copy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
  return copy;
}

/** Values each kind of launcher field refuses. */
const BAD: unknown[] = [42, 'nonsense', null, ['ru'], ['de'], { ru: 1 }, '#12345g', []];

describe('the launchers’ field checks', () => {
  it.each(TYPES)('pass every real %s config', (type, fields) => {
    expect(checkFields(configOf(type), fields)).toEqual([]);
  });

  it.each(TYPES)(
    'refuse in a %s config what its schema refuses, with the schema’s words',
    (type, fields, schema) => {
      let refused = 0;
      for (const path of Object.keys(fields)) {
        for (const value of BAD) {
          const input = withField(configOf(type), path, value);
          const issues = checkFields(input, fields);
          const parsed = parsePublicConfigOf(schema, input);
          // Whatever the launcher refuses, the schema refuses too, naming the same field.
          if (issues.length) {
            refused++;
            expect(parsed.ok).toBe(false);
            expect(issues).toHaveLength(1);
            // The schema may name a part of it (a text's language, a list's item).
            const issue = parsed.ok
              ? undefined
              : parsed.issues.find(
                  (i) =>
                    i.path === path ||
                    (/^[.[]/.test(i.path.slice(path.length)) && i.path.startsWith(path)),
                );
            expect(issue).toBeDefined();
            expect(issues[0]?.path).toBe(path);
            // The schema's own words, where it has its own (not valibot's default, nor a part's).
            if (issue?.path === path && !issue.message.startsWith('Invalid type')) {
              expect(issues[0]?.message).toBe(issue.message);
            }
          }
        }
      }
      expect(refused).toBeGreaterThan(Object.keys(fields).length);
    },
  );
});
