/**
 * The SIP edge's pure parts: credentials, the origin regex Kamailio matches handshakes with, the
 * config template, and how SIP outcomes become call statuses.
 */
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isOriginAllowed } from '@frontdesk/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type KamailioConfigValues,
  renderKamailioConfig,
  subnetList,
  templatePath,
} from '../../../src/calls/sip/config';
import {
  ephemeralPassword,
  mintCredential,
  operatorUser,
  parseCredentialUser,
  visitorUser,
} from '../../../src/calls/sip/credentials';
import { createSipEdge } from '../../../src/calls/sip/edge';
import { decodeContext, encodeContext, unansweredStatus } from '../../../src/calls/sip/events';
import { findKamailio, findRtpengine, RTPENGINE_HINT } from '../../../src/calls/sip/install';
import { NO_ORIGIN, originsRegex } from '../../../src/calls/sip/origins';
import { readEnv } from '../../../src/env';
import type { Store } from '../../../src/storage/store';

describe('ephemeral credentials', () => {
  it("are auth_ephemeral's: <expiry>:<user>, base64(HMAC-SHA1(secret, username))", () => {
    const credential = mintCredential('s3cret', 'v.demo-call.abc12345', 1_800_000_000_999);
    expect(credential.username).toBe('1800000000:v.demo-call.abc12345');
    expect(credential.expiresAt).toBe(1_800_000_000_000);
    expect(credential.password).toBe(
      createHmac('sha1', 's3cret').update('1800000000:v.demo-call.abc12345').digest('base64'),
    );
    expect(ephemeralPassword('s3cret', credential.username)).toBe(credential.password);
  });

  it('name a visitor of a widget or an operator, and nothing else', () => {
    expect(parseCredentialUser(visitorUser('w1', 'visitor_1'))).toEqual({
      role: 'visitor',
      widgetKey: 'w1',
      visitorId: 'visitor_1',
    });
    const id = '3f2c8a4e-3c1b-4f7e-9d0a-1b2c3d4e5f60';
    expect(parseCredentialUser(operatorUser(id))).toEqual({ role: 'operator', userId: id });
    for (const user of ['v.a', 'v.a.b.c', 'o.', 'x.y', 'o.a.b', 'v.a b.c', '']) {
      expect(parseCredentialUser(user), user).toBeUndefined();
    }
    expect(() => visitorUser('a.b', 'c')).toThrow(RangeError);
    expect(() => visitorUser('a', 'c:d')).toThrow(RangeError);
    expect(() => operatorUser('a.b')).toThrow(RangeError);
  });
});

describe('originsRegex', () => {
  const hosts = [
    'shop.example',
    'a.shop.example',
    'localhost',
    '127.0.0.1',
    '[::1]',
    'xn--e1afmkfd.xn--p1ai',
  ];
  const schemes = ['http', 'https'];
  const ports = ['', ':80', ':443', ':8080', ':*'];
  const pattern = fc
    .tuple(fc.constantFrom(...schemes), fc.constantFrom(...hosts), fc.constantFrom(...ports))
    .map(([scheme, host, port]) => `${scheme}://${host}${port}`);
  /** Origins as browsers serialise them: lower case, no default port. */
  const origin = fc
    .tuple(
      fc.constantFrom(...schemes),
      fc.constantFrom(...hosts, 'shopXexample', 'evil.example', 'shop.example.evil.example'),
      fc.constantFrom('', ':80', ':443', ':8080', ':5173'),
    )
    .map(([scheme, host, port]) => {
      const url = new URL(`${scheme}://${host}${port}`);
      return url.origin;
    });

  it('accepts exactly the browser origins isOriginAllowed accepts', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 4 }), origin, (patterns, o) => {
        const regex = new RegExp(originsRegex(patterns), 'i');
        expect(regex.test(o), `${o} against ${patterns.join(' ')}`).toBe(
          isOriginAllowed(o, patterns),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('matches nothing for no (or only unusable) patterns', () => {
    expect(originsRegex([])).toBe(NO_ORIGIN);
    expect(originsRegex(['ftp://x.example', 'not an origin'])).toBe(NO_ORIGIN);
    for (const o of ['null', '', 'https://shop.example']) {
      expect(new RegExp(NO_ORIGIN).test(o)).toBe(false);
    }
  });

  it('escapes dots, so a look-alike host does not pass', () => {
    expect(originsRegex(['https://shop.example'])).toBe('^(https://shop\\.example(:443)?)$');
  });
});

describe('the Kamailio config template', () => {
  const values: KamailioConfigValues = {
    wsPort: 18088,
    rpcPort: 18089,
    platformUrl: 'http://127.0.0.1:18090',
    edgeSecret: 'edge-secret_1',
    authSecret: 'auth-secret_1',
    publicOrigin: 'https://frontdesk.example',
    realm: 'frontdesk',
    logLevel: 1,
    tcpWorkers: 2,
    maxConnections: 1024,
    ringTimeoutMs: 60_000,
    maxRegisterExpires: 600,
    contextTtl: 900,
    regopTtl: 900,
    maxCallSeconds: 3600,
    floodRequestsPer10s: 200,
    handshakesPerMinute: 60,
    callsPerCredentialPerMinute: 6,
    trustedProxies: ['127.0.0.1', '10.0.0.0/8', '::1'],
    rtpengineSocket: 'udp:127.0.0.1:22222',
    loopPort: 5081,
    trunkAddress: '127.0.0.1',
    trunkPort: 5082,
    trunkTlsPort: 5083,
    runtimeDir: '/tmp',
  };

  it('fills every placeholder, and refuses values that could break out of a string', async () => {
    const template = await readFile(templatePath(), 'utf8');
    const config = renderKamailioConfig(template, values);
    expect(config.replace('{{PLACEHOLDERS}}', '')).not.toMatch(/\{\{/);
    expect(config).toContain('listen=tcp:127.0.0.1:18088');
    expect(config).toContain('listen=tcp:127.0.0.1:18089');
    // UDP only on loopback for the loop, and on the trunks' side; TLS there only; no SCTP, no 5060.
    expect(config.match(/^listen=.*$/gm)).toEqual([
      'listen=tcp:127.0.0.1:18088',
      'listen=tcp:127.0.0.1:18089',
      'listen=udp:127.0.0.1:5081',
      'listen=udp:127.0.0.1:5082',
      'listen=tcp:127.0.0.1:5082',
      'listen=tls:127.0.0.1:5083',
    ]);
    // Connections open towards trunks only: no global tcp_no_connect, no_connect on every relay.
    expect(config).not.toMatch(/^tcp_no_connect/m);
    expect(config.match(/set_forward_no_connect\(\)/g)?.length).toBeGreaterThanOrEqual(3);
    expect(() => renderKamailioConfig(template, { ...values, edgeSecret: 'a"b' })).toThrow(
      /EDGE_SECRET/,
    );
    expect(() => renderKamailioConfig(template, { ...values, realm: 'a\nb' })).toThrow(/REALM/);
    expect(() => renderKamailioConfig('{{NOPE}}', values)).toThrow(/NOPE/);
    expect(config).toContain('is_in_subnet("$si", "127.0.0.1/32,10.0.0.0/8,::1/128")');
  });

  it('takes trusted proxies as addresses or CIDRs only', () => {
    expect(subnetList([])).toBe('');
    expect(subnetList([' 192.0.2.1 ', '198.51.100.0/24', '2001:db8::/32'])).toBe(
      '192.0.2.1/32,198.51.100.0/24,2001:db8::/32',
    );
    for (const bad of [
      '',
      'proxy.example',
      '192.0.2.1/33',
      '::1/129',
      '10.0.0.0/8/1',
      '1.2.3.4/x',
      '1.2.3.4,5.6.7.8',
      '10.0.0.0/-1',
    ]) {
      expect(() => subnetList([bad]), bad).toThrow(/trusted proxy/);
    }
    // The platform refuses a wrong list when it creates the edge, before Kamailio is started.
    const edge = (trustedProxies: string[]) =>
      createSipEdge({
        env: readEnv({ DATA_DIR: '/nonexistent', SIP_EDGE: '1' }),
        store: {} as Store,
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
        trustedProxies,
      });
    expect(() => edge(['127.0.0.1', 'proxy.example'])).toThrow(/trusted proxy/);
    expect(edge(['127.0.0.1']).status().state).toBe('stopped');
  });

  it.each([
    ['with trusted proxies', values],
    ['without', { ...values, trustedProxies: [] }],
  ])('renders to a config Kamailio accepts (kamailio -c), %s', async (_, filled) => {
    const found = findKamailio();
    if (!found.ok) throw new Error(found.message);
    const dir = await mkdtemp(join(tmpdir(), 'frontdesk-cfg-'));
    try {
      const file = join(dir, 'kamailio.cfg');
      await writeFile(file, renderKamailioConfig(await readFile(templatePath(), 'utf8'), filled));
      const { stderr } = await promisify(execFile)(found.binary, [
        '-c',
        '-f',
        file,
        '-L',
        found.modulesDir,
        '-Y',
        dir,
      ]);
      expect(stderr).toContain('config file ok');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('finding rtpengine', () => {
  it('finds Debian’s binary, and says how to install it when it is not there', () => {
    expect(findRtpengine()).toMatchObject({
      ok: true,
      binary: expect.stringMatching(/rtpengine$/),
    });
    const missing = findRtpengine('/nonexistent/bin/rtpengine');
    expect(missing.ok).toBe(false);
    expect(missing.ok ? '' : missing.message).toContain(RTPENGINE_HINT);
    expect(RTPENGINE_HINT).toContain('--no-install-recommends rtpengine-daemon');
  });
});

describe('call events', () => {
  it('turn SIP outcomes into call statuses', () => {
    expect(unansweredStatus(480, 'nobody')).toBe('unavailable');
    expect(unansweredStatus(480, 'unreachable')).toBe('unavailable');
    expect(unansweredStatus(487, 'cancelled')).toBe('cancelled');
    expect(unansweredStatus(487, '')).toBe('cancelled');
    expect(unansweredStatus(486, '')).toBe('busy');
    expect(unansweredStatus(600, '')).toBe('busy');
    expect(unansweredStatus(603, '')).toBe('declined');
    // The trunk to the telephone network down: failed, its reason kept beside the status.
    expect(unansweredStatus(502, 'trunk')).toBe('failed');
    expect(unansweredStatus(408, '')).toBe('no_answer');
    expect(unansweredStatus(480, '')).toBe('no_answer');
    expect(unansweredStatus(500, '')).toBe('failed');
  });

  it('carry the caller context as base64 JSON, and shrug off garbage', () => {
    const context = {
      widget: { id: 'w', key: 'k', name: 'Звонок' },
      page: { url: 'https://shop.example/?q="x"', title: null },
      utm: { source: 'mail' },
      visitor: { id: 'v', timeZone: 'Europe/Moscow' },
    };
    const encoded = encodeContext(context);
    expect(encoded).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(decodeContext(encoded)).toEqual(context);
    expect(decodeContext('')).toBeUndefined();
    expect(decodeContext('bm90IGpzb24=')).toBeUndefined();
  });
});
