/**
 * The credential endpoints: `POST /v1/widgets/:key/call-credentials` (public) and
 * `POST /v1/ops/sip-credentials` (operators), against a platform whose edge runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionId } from '../../../src/accounts';
import { sqliteEngine } from '../../support/databases';
import { callbackWidget } from '../../support/orders';
import { startPlatform } from '../../support/platform';
import {
  callCredentials,
  callWidget,
  type EdgePlatform,
  operatorCredentials,
  startEdgePlatform,
} from './edge-support';

const CREDENTIAL_LIMIT = 25;

describe('SIP credential endpoints', () => {
  let p: EdgePlatform;

  beforeAll(async () => {
    p = await startEdgePlatform({ limits: { callCredentialsPerIp: CREDENTIAL_LIMIT } });
  }, 30_000);
  afterAll(async () => {
    await p?.close();
  });

  const post = (key: string, body: unknown = {}, origin = 'https://shop.example') =>
    p.t.request(`/v1/widgets/${key}/call-credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    });

  it("hands a visitor a short-lived credential for the widget's line", async () => {
    const { t, wsBase } = p;
    const widget = await callWidget(t, {}, 'Позвонить');
    const response = await post(widget.key, { visitorId: 'visitor-0001' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const body = await response.json();
    expect(body).toEqual({
      username: expect.stringMatching(new RegExp(`^\\d+:v\\.${widget.key}\\.visitor-0001$`)),
      password: expect.any(String),
      expiresAt: expect.any(Number),
      wsUrl: `${wsBase}/sip/${widget.key}`,
      uri: `sip:visitor-visitor-0001@${widget.sipLine?.split('@')[1]}`,
      target: `sip:${widget.sipLine}`,
      displayName: 'Позвонить',
      iceServers: [],
    });
    expect(body.target).toMatch(/^sip:line\d{5}@vpbx1000001\.sip\.test$/);
    // Expiry by the real clock (Kamailio's), at most five minutes ahead.
    const expiry = Number(body.username.split(':')[0]);
    expect(body.expiresAt).toBe(expiry * 1000);
    expect(expiry * 1000).toBeGreaterThan(Date.now());
    expect(expiry * 1000).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    // The password is auth_ephemeral's: base64(HMAC-SHA1(the edge's secret, username)).
    expect(body.password).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(p.edge.mint(body.username.split(':')[1], body.expiresAt).password).toBe(body.password);
  });

  it('places the call as the visitor the account’s token names (the chat’s, the orders’)', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    const token = 'known-visitor-token-0000000000000001';
    const visitor = await t.platform.store.chatVisitors.create({
      accountId: t.accountId,
      widgetId: widget.id,
      tokenHash: sessionId(token),
      timeZone: null,
      now: Date.now(),
    });
    const known = await (await post(widget.key, { visitorToken: token })).json();
    expect(known.uri).toMatch(new RegExp(`^sip:visitor-${visitor.id}@`));
    // A token nobody holds names nobody: a fresh id, as without one.
    const unknown = await (
      await post(widget.key, { visitorToken: `${token.slice(0, -1)}2` })
    ).json();
    expect(unknown.uri).not.toContain(visitor.id);
    const refused = await post(widget.key, { visitorToken: 'short' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ field: 'visitorToken' });
  });

  it('gives every request a fresh visitor id unless the widget names one', async () => {
    const widget = await callWidget(p.t);
    const a = await callCredentials(p.t, widget);
    const b = await callCredentials(p.t, widget);
    expect(a.username.split(':')[1]).not.toBe(b.username.split(':')[1]);
  });

  it('refuses unknown widgets, foreign origins, other widget types, bad input and closed hours', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    expect((await post('no-such-widget')).status).toBe(404);
    const foreign = await post(widget.key, {}, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('origin_not_allowed');

    const callback = await callbackWidget(t);
    const notCall = await post(callback.key);
    expect(notCall.status).toBe(422);
    expect((await notCall.json()).error.code).toBe('not_a_call_widget');

    const bad = await post(widget.key, { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('timeZone');

    // Wednesday 22:00 in Moscow: after hours by the default schedule.
    t.clock.set('2026-03-04T19:00:00Z');
    try {
      const closed = await post(widget.key);
      expect(closed.status).toBe(422);
      expect((await closed.json()).error.code).toBe('closed_now');
    } finally {
      t.clock.set('2026-03-04T07:00:00Z');
    }
  });

  it('gives an operator the lines of call widgets forwarding to them, their group, or everyone', async () => {
    const { t } = p;
    const operator = t.users.operator;
    const other = await t.addUser('operator', 'Second Operator');
    const group = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: 'Sales',
      memberIds: [operator.id],
    });
    const otherGroup = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: 'Support',
      memberIds: [other.id],
    });
    const direct = await callWidget(t, { forwarding: { kind: 'employee', id: operator.id } });
    const viaGroup = await callWidget(t, { forwarding: { kind: 'group', id: group.id } });
    const everyone = await callWidget(t, { forwarding: null });
    const notMine = await callWidget(t, { forwarding: { kind: 'employee', id: other.id } });
    const notMyGroup = await callWidget(t, { forwarding: { kind: 'group', id: otherGroup.id } });
    const paused = await callWidget(t, { forwarding: null });
    await t.platform.store.widgets.update(paused.id, { active: false, now: t.clock().getTime() });

    const op = await operatorCredentials(t, 'operator');
    expect(op.username).toMatch(new RegExp(`^\\d+:o\\.${operator.id}$`));
    expect(op.wsUrl).toBe(`${p.wsBase}/sip/ops`);
    expect(op.displayName).toBe(operator.name);
    const ids = op.lines.map((line) => line.widgetId);
    expect(ids).toEqual(expect.arrayContaining([direct.id, viaGroup.id, everyone.id]));
    for (const id of [notMine.id, notMyGroup.id, paused.id]) expect(ids).not.toContain(id);
    expect(op.lines.find((line) => line.widgetId === direct.id)).toEqual({
      target: `sip:${direct.sipLine}`,
      line: direct.sipLine,
      widgetId: direct.id,
      widgetKey: direct.key,
      widgetName: direct.name,
    });

    const admin = await operatorCredentials(t, 'admin');
    expect(admin.lines.map((line) => line.widgetId)).toContain(everyone.id);
    expect(admin.lines.map((line) => line.widgetId)).not.toContain(direct.id);
  });

  it('lets only signed-in operators and admins have softphone credentials', async () => {
    const { t } = p;
    const anonymous = await t.request('/v1/ops/sip-credentials', { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const marketer = await t.signIn('marketer');
    const refused = await marketer('/v1/ops/sip-credentials', { method: 'POST' });
    expect(refused.status).toBe(403);
  });

  it('limits credentials per IP', async () => {
    const widget = await callWidget(p.t);
    let limited: Response | undefined;
    for (let i = 0; i <= CREDENTIAL_LIMIT && !limited; i++) {
      const response = await post(widget.key);
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(200);
    }
    if (!limited) throw new Error('never limited');
    expect((await limited.json()).error.code).toBe('rate_limited');
  });
});

describe('SIP credential endpoints without the edge', () => {
  it('answer 503 calls_unavailable on a platform without SIP_EDGE', async () => {
    const database = await sqliteEngine.open();
    const t = await startPlatform(database);
    try {
      expect(t.platform.sipEdge).toBeUndefined();
      const widget = await callWidget(t);
      const response = await t.request(`/v1/widgets/${widget.key}/call-credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatchObject({ code: 'calls_unavailable' });
      await expect(operatorCredentials(t)).rejects.toThrow(/503/);
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
