/** A corpus of bad and tricky input against every endpoint: never a 5xx, always a named field. */
import { defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/http/app';
import { MAX_NESTING } from '../../src/http/route-schema';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

/** Strings every text field must store and return byte for byte. */
const TRICKY = [
  '<script>alert(1)</script>',
  '"quotes" and \'apostrophes\' and `backticks`',
  'Кириллица и emoji 👩‍💻🇷🇺',
  'עברית מימין לשמאל',
  'combining é vs é',
  '\u202Eright-to-left override',
  'tab\tnew\nline',
  '{"json":"inside"}',
  'a'.repeat(100),
  '  spaces kept  ',
];

describe.each(engines)('bad input on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let admin: Awaited<ReturnType<TestPlatform['signIn']>>;
  let widgetId: string;
  let widgetKey: string;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    admin = await t.signIn('admin');
    const widget = await (
      await admin('/v1/admin/widgets', {
        method: 'POST',
        body: JSON.stringify({ type: 'callback', name: 'W' }),
      })
    ).json();
    widgetId = widget.id;
    widgetKey = widget.key;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const writes = () =>
    [
      ['POST', '/v1/auth/login'],
      ['POST', '/v1/admin/widgets'],
      ['PATCH', `/v1/admin/widgets/${widgetId}`],
      ['DELETE', `/v1/admin/widgets/${widgetId}-none`],
      ['POST', '/v1/admin/users'],
      ['PATCH', `/v1/admin/users/${t.users.operator.id}`],
      ['POST', '/v1/admin/groups'],
    ] as const;

  const RAW_BODIES = [
    '{',
    '{"a":',
    'null',
    '[]',
    '"text"',
    '42',
    'true',
    '{"__proto__":{"x":1}}',
    '\u0000',
    '',
  ];

  it('malformed or wrongly shaped JSON gets a 4xx with our error body, never a 5xx', async () => {
    for (const [method, path] of writes()) {
      for (const body of RAW_BODIES) {
        const response = await admin(path, {
          method,
          body,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(response.status).toBeLessThan(500);
        const error = (await response.json()).error;
        expect(error.code).toMatch(/^[a-z_]+$/);
        expect(typeof error.message).toBe('string');
      }
    }
  });

  it('wrong types are 400 naming the field', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/auth/login', { email: 5, password: 'x' }, 'email'],
      ['POST', '/v1/auth/login', { email: 'a@b.example', password: ['x'] }, 'password'],
      ['POST', '/v1/admin/widgets', { type: 'fax', name: 'X' }, 'type'],
      ['POST', '/v1/admin/widgets', { type: 'chat', name: { first: 'X' } }, 'name'],
      ['PATCH', `/v1/admin/widgets/${widgetId}`, { active: 'yes' }, 'active'],
      [
        'PATCH',
        `/v1/admin/widgets/${widgetId}`,
        { settings: { ...defaultSettings('callback'), schedule: 7 } },
        'settings.schedule',
      ],
      [
        'POST',
        '/v1/admin/users',
        { email: 'x@test.example', name: 'X', role: 'root', password: 'long enough pw' },
        'role',
      ],
      ['POST', '/v1/admin/groups', { name: 'G', memberIds: 'all' }, 'memberIds'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await admin(path, { method, body: JSON.stringify(body) });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect((await response.json()).error.field).toBe(field);
    }
  });

  it('NUL characters and lone surrogates are 400 naming the field, anywhere', async () => {
    const cases: [string, string, string, string][] = [
      ['POST', '/v1/admin/widgets', '{"type":"chat","name":"a\\u0000b"}', 'name'],
      ['POST', '/v1/admin/widgets', '{"type":"chat","name":"\\ud800"}', 'name'],
      ['POST', '/v1/admin/widgets', '{"type":"chat","name":"ok\\udfff tail"}', 'name'],
      [
        'PATCH',
        `/v1/admin/widgets/${widgetId}`,
        '{"settings":{"appearance":{"working":{"title":"x\\u0000"}}}}',
        'settings.appearance.working.title',
      ],
      ['POST', '/v1/admin/groups', '{"name":"G","memberIds":["\\ud83d"]}', 'memberIds[0]'],
      ['POST', '/v1/auth/login', '{"email":"a@b.example","password":"\\u0000"}', 'password'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await admin(path, {
        method,
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'invalid_string',
          field,
          message: 'Text must not contain NUL characters or lone surrogates.',
        },
      });
    }
    const inPath = await t.request(`/v1/widgets/${encodeURIComponent('a\u0000b')}/config`);
    expect(inPath.status).toBe(400);
  });

  it('a body nested deeper than any of ours is 400 naming where, not a stack overflow', async () => {
    // JSON.parse takes this 40 KB body; walking it level by level would not.
    const deep = `{"email":"a@b.example","password":"x","p":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const response = await t.request('/v1/auth/login', {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid');
    expect(error.field).toBe(`p${'[0]'.repeat(MAX_NESTING - 1)}`);
  });

  it('a forged list cursor is 400 naming it, on every paged list', async () => {
    const forge = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    for (const cursor of [
      forge('99999999999999999999999\nx'),
      forge('1700000000000\na\u0000b'),
      'nonsense',
    ]) {
      for (const list of ['/v1/admin/outbox', '/v1/admin/contacts', '/v1/admin/call-history']) {
        const response = await admin(`${list}?cursor=${cursor}`);
        expect(response.status, `${list} ${cursor}`).toBe(400);
        expect((await response.json()).error.field).toBe('cursor');
      }
    }
  });

  it('a body over the limit is 413', async () => {
    const body = JSON.stringify({ type: 'chat', name: 'x'.repeat(BODY_LIMIT) });
    const response = await admin('/v1/admin/widgets', { method: 'POST', body });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('body_too_large');
  });

  it('public endpoints take odd keys and queries without a 5xx', async () => {
    for (const key of [
      '%00',
      '..%2F..%2Fetc',
      'x'.repeat(300),
      '%F0%9F%92%A9',
      '<script>',
      widgetKey,
    ]) {
      for (const path of [
        `/v1/widgets/${key}/config`,
        `/v1/widgets/${key}/slots?days=abc`,
        `/v1/widgets/${key}/slots?days[]=1`,
      ]) {
        const response = await t.request(path);
        expect(response.status, path).toBeLessThan(500);
      }
    }
  });

  it('every accepted string comes back byte-identical', async () => {
    for (const text of TRICKY) {
      const created = await admin('/v1/admin/widgets', {
        method: 'POST',
        body: JSON.stringify({ type: 'chat', name: text }),
      });
      expect(created.status, text).toBe(201);
      const { id } = await created.json();
      const settings = (await (await admin(`/v1/admin/widgets/${id}`)).json()).settings;
      settings.appearance.working.title.en = text;
      const patched = await admin(`/v1/admin/widgets/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ settings }),
      });
      expect(patched.status, text).toBe(200);
      const back = await (await admin(`/v1/admin/widgets/${id}`)).json();
      expect(back.name).toBe(text);
      expect(back.settings.appearance.working.title.en).toBe(text);

      const group = await (
        await admin('/v1/admin/groups', { method: 'POST', body: JSON.stringify({ name: text }) })
      ).json();
      const groups = (await (await admin('/v1/admin/groups')).json()).groups;
      expect(groups.find((g: { id: string }) => g.id === group.id).name).toBe(text);
    }
  });
});
