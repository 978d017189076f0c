import { readEnv } from '@frontdesk/platform';
import { describe, expect, it } from 'vitest';

describe('readEnv', () => {
  it('takes the rate limits the environment sets and leaves the rest to the defaults', () => {
    expect(readEnv({ ORDER_LIMIT_PER_IP: '5', CHAT_LIMIT_PER_MINUTE: '120' }).limits).toEqual({
      ordersPerIp: 5,
      chatMessagesPerMinute: 120,
    });
    expect(
      readEnv({ CHAT_HANDSHAKE_LIMIT_PER_MINUTE: '600', CHAT_VISITOR_LIMIT_PER_MINUTE: '300' })
        .limits,
    ).toEqual({ chatHandshakesPerMinute: 600, chatVisitorsPerMinute: 300 });
    expect(readEnv({}).limits).toEqual({});
  });

  it('names a limit that is not a whole number', () => {
    expect(() => readEnv({ CHAT_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      'CHAT_LIMIT_PER_MINUTE must be a whole number, not "lots"',
    );
  });

  it('trusts no proxy by default, and the addresses and CIDRs TRUST_PROXY lists', () => {
    expect(readEnv({}).trustProxy).toEqual([]);
    expect(readEnv({ TRUST_PROXY: ' 10.0.0.5, 192.168.0.0/16 ,::1,' }).trustProxy).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
    ]);
  });

  it('names TRUST_PROXY when an entry is not an address or a CIDR', () => {
    expect(() => readEnv({ TRUST_PROXY: '10.0.0.5, proxy.example' })).toThrow(
      /^TRUST_PROXY must list addresses or CIDRs of proxies, not "10.0.0.5, proxy.example"/,
    );
    expect(() => readEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/^TRUST_PROXY/);
  });

  it("sends the messengers' webhooks to WEBHOOK_URL, to PUBLIC_URL when unset, and names it when it is not http(s)", () => {
    expect(readEnv({ PORT: '9000' }).webhookUrl).toBe('http://127.0.0.1:9000');
    expect(readEnv({ PUBLIC_URL: 'https://desk.example/' }).webhookUrl).toBe(
      'https://desk.example',
    );
    expect(
      readEnv({ PUBLIC_URL: 'http://127.0.0.1:8080', WEBHOOK_URL: 'https://127.0.0.1:8443/' }),
    ).toMatchObject({ publicUrl: 'http://127.0.0.1:8080', webhookUrl: 'https://127.0.0.1:8443' });
    expect(() => readEnv({ WEBHOOK_URL: 'ftp://front' })).toThrow(
      'WEBHOOK_URL must be http(s), not "ftp://front"',
    );
  });

  it('builds hand-off links on MESSENGER_LINK_BASE when set, and names it when it is not http(s)', () => {
    expect(readEnv({}).messengerLinkBase).toBeUndefined();
    expect(readEnv({ MESSENGER_LINK_BASE: 'http://127.0.0.1:8070/' }).messengerLinkBase).toBe(
      'http://127.0.0.1:8070',
    );
    expect(() => readEnv({ MESSENGER_LINK_BASE: 'ftp://sandbox' })).toThrow(
      'MESSENGER_LINK_BASE must be http(s), not "ftp://sandbox"',
    );
  });

  it('puts media on loopback by default, and names a wrong media address or port range', () => {
    expect(readEnv({})).toMatchObject({
      sipMediaAddress: '127.0.0.1',
      sipMediaPorts: [30000, 30999],
    });
    expect(
      readEnv({ SIP_MEDIA_ADDRESS: '192.0.2.10', SIP_MEDIA_PORTS: '40000-40099' }),
    ).toMatchObject({ sipMediaAddress: '192.0.2.10', sipMediaPorts: [40000, 40099] });
    expect(() => readEnv({ SIP_MEDIA_ADDRESS: 'media.example' })).toThrow(/^SIP_MEDIA_ADDRESS/);
    for (const range of ['30000', '30000-30001', '80-90', '30000-70000']) {
      expect(() => readEnv({ SIP_MEDIA_PORTS: range }), range).toThrow(/^SIP_MEDIA_PORTS/);
    }
  });
});
