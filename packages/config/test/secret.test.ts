import { defaultSettings, parseSettings, SECRET_PATHS } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { patched, REMOVE } from './helpers';

/** A chat widget with both bots, a VK community and a Facebook page connected, `path`'s secret replaced by `token`. */
const chat = (path: string, token: unknown) =>
  patched(
    patched(defaultSettings('chat'), {
      'channels.telegram': {
        enabled: true,
        receiver: null,
        botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
        botName: 'shop_help_bot',
      },
      'channels.viber': {
        enabled: true,
        receiver: null,
        botToken: '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f',
        botName: 'Shop',
        uri: 'shop',
      },
      'channels.vk': {
        enabled: true,
        receiver: null,
        groupId: 'shop',
        accessToken: 'vk1.a.Xk9Tq2mB7vR4nL0sW3pZ8cF6hJ1dG5yE',
      },
      'channels.facebook': {
        enabled: true,
        receiver: null,
        pageId: '104000000000001',
        pageToken: 'EAAGm0PX4ZCpsBAKZCZCZBk0lq2j3ZCs',
      },
    }),
    { [path]: token },
  );

const issues = (input: unknown) => {
  const result = parseSettings(input);
  return result.ok ? [] : result.issues;
};

describe.each(SECRET_PATHS.chat)('the secret %s', (path) => {
  it('takes a new value, null to clear, { set } or nothing to keep', () => {
    for (const write of [null, { set: true }, { set: false }, REMOVE]) {
      expect(issues(chat(path, write))).toEqual([]);
    }
    const result = parseSettings(chat(path, { set: true }));
    const field = path.split('.').at(-1);
    expect(result.ok && JSON.stringify(result.value)).toContain(`"${field}":{"set":true}`);
  });

  it('puts a malformed value at its field, in the words of its format', () => {
    expect(issues(chat(path, 'not a token'))).toEqual([
      {
        path,
        message: expect.stringMatching(
          /^must be a (Telegram bot|Viber bot|VK community access|Facebook Page access) token/,
        ),
      },
    ]);
  });

  it('names the shapes it takes for anything else', () => {
    for (const write of [42, { set: 'yes' }, { set: true, value: 'x' }, ['x']]) {
      expect(issues(chat(path, write))).toEqual([
        {
          path,
          message: expect.stringMatching(/, null to clear it, or left out to keep it$/),
        },
      ]);
    }
  });
});
