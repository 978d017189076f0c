import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, User } from '../../src/accounts/account-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser, settingsFor } from '../support/store-fixtures';

/** Strings that tend to get mangled on the way through a database. */
const CORPUS: Record<string, string> = {
  empty: '',
  padded: '  padded \t',
  cyrillic: 'Перезвоните мне, пожалуйста',
  cjk: '请给我回电话 折り返しお電話ください',
  emoji: '👩‍💻🇷🇺👍🏽 ☎️',
  rtl: 'مرحبا بالعالم שלום \u200F(rtl)\u200E',
  combining: 'e\u0301 vs \u00e9, A\u030A vs \u00c5',
  quotes: `'single' "double" \`back\` ‘curly’ “curly” \\ \\\\ %_`,
  script: '<script>alert("x")</script><img src=x onerror=alert(1)>',
  sql: '\'); drop table users; -- " or 1=1 /*',
  whitespace: 'line\nbreak\r\nand\ttab\u2028\u2029\u00a0',
  control: '\u0001\u0008\u001b\u001f\u007f\u0085',
  bom: '\uFEFFbom',
  astral: '\u{10FFFF}\u{1F600}\u{20000}',
  json: '{"a":1,"b":[true,null]}',
  long: 'x'.repeat(10_000),
  longAstral: '😀'.repeat(5_000),
};

const BAD: Record<string, string> = {
  nul: 'a\0b',
  loneHigh: 'a\uD800b',
  loneLow: 'a\uDC00b',
  reversedPair: '\uDC00\uD800',
  trailingHigh: 'end\uD83D',
};

describe.each(engines)('stored strings on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  let user: User;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
    user = await newUser(store, account.id);
  });
  afterAll(() => database?.drop());

  it.each(Object.entries(CORPUS))(
    '%s comes back byte-identical from every text field',
    async (name, text) => {
      const created = await store.accounts.create({ name: text, sipDomain: `${name}.${text}` });
      expect((await store.accounts.get(created.id))?.name).toBe(text);
      expect((await store.accounts.get(created.id))?.sipDomain).toBe(`${name}.${text}`);

      // E-mails are lower-cased on the way in, which is the one change a store makes to text.
      const email = `${name}+${text}@example.test`;
      const person = await newUser(store, account.id, {
        name: text,
        email,
        passwordHash: text,
        photoUrl: text,
      });
      expect(await store.users.get(person.id)).toMatchObject({
        name: text,
        email: email.toLowerCase(),
        passwordHash: text,
        photoUrl: text,
      });
      expect((await store.users.byEmail(email))?.id).toBe(person.id);

      const group = await store.groups.create({ accountId: account.id, name: text, memberIds: [] });
      expect((await store.groups.get(group.id))?.name).toBe(text);

      await store.sessions.create({
        id: `${name}:${text}`,
        userId: user.id,
        csrfToken: text,
        createdAt: 1,
        expiresAt: 2,
      });
      expect((await store.sessions.get(`${name}:${text}`))?.csrfToken).toBe(text);

      const settings = settingsFor('chat', { text, list: [text, { [text]: text }] });
      const widget = await store.widgets.create({
        accountId: account.id,
        type: 'chat',
        name: text,
        key: `k-${name}-${text}`,
        settings,
        now: 1,
      });
      expect(await store.widgets.byKey(`k-${name}-${text}`)).toMatchObject({
        name: text,
        settings,
      });
      await store.widgets.softDelete(widget.id, { reason: text, now: 2 });
      expect(await store.widgets.get(widget.id)).toMatchObject({
        name: text,
        settings,
        deleteReason: text,
      });
    },
  );

  it.each(Object.entries(BAD))(
    '%s is refused from text fields, naming the field',
    async (_name, text) => {
      const refused = { name: 'StoreError', code: 'invalid' };
      await expect(store.accounts.create({ name: text, sipDomain: 'x' })).rejects.toMatchObject({
        ...refused,
        field: 'name',
      });
      await expect(
        newUser(store, account.id, { email: `${text}@example.test` }),
      ).rejects.toMatchObject({
        ...refused,
        field: 'email',
      });
      await expect(store.users.update(user.id, { photoUrl: text })).rejects.toMatchObject({
        ...refused,
        field: 'photoUrl',
      });
      await expect(store.groups.update('any', { name: text })).rejects.toMatchObject({
        ...refused,
        field: 'name',
      });
      await expect(
        store.sessions.create({
          id: 's',
          userId: user.id,
          csrfToken: text,
          createdAt: 1,
          expiresAt: 2,
        }),
      ).rejects.toMatchObject({ ...refused, field: 'csrfToken' });
      const widget = {
        accountId: account.id,
        type: 'chat' as const,
        settings: settingsFor('chat'),
        now: 1,
      };
      await expect(store.widgets.create({ ...widget, name: text })).rejects.toMatchObject({
        ...refused,
        field: 'name',
      });
      await expect(store.widgets.create({ ...widget, name: 'W', key: text })).rejects.toMatchObject(
        {
          ...refused,
          field: 'key',
        },
      );
    },
  );

  it.each(Object.entries(BAD))(
    '%s inside settings is kept, since JSON escapes it',
    async (_name, text) => {
      const settings = settingsFor('chat', { text });
      const widget = await store.widgets.create({
        accountId: account.id,
        type: 'chat',
        name: 'W',
        settings,
        now: 1,
      });
      expect((await store.widgets.get(widget.id))?.settings).toStrictEqual(settings);
    },
  );

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'the time %s is refused',
    async (now) => {
      const widget = {
        accountId: account.id,
        type: 'chat' as const,
        name: 'W',
        settings: settingsFor('chat'),
      };
      await expect(store.widgets.create({ ...widget, now })).rejects.toMatchObject({
        code: 'invalid',
        field: 'now',
      });
      await expect(
        store.sessions.create({
          id: 't',
          userId: user.id,
          csrfToken: 'c',
          createdAt: 1,
          expiresAt: now,
        }),
      ).rejects.toMatchObject({ code: 'invalid', field: 'expiresAt' });
    },
  );
});
