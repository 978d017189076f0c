import { userAgentOptions } from '@frontdesk/call/sip-client';
import type { SipCredentials } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';

const credentials: SipCredentials = {
  username: 'u1',
  password: 'p1',
  expiresAt: 0,
  wsUrl: 'ws://127.0.0.1:8088/sip/ops',
  uri: 'sip:operator-1@vpbx1.sip.test',
  displayName: 'Oleg',
  iceServers: [{ urls: 'stun:stun.example' }],
};

describe('the user agent options of a SIP client', () => {
  it('logs in with the credentials on their WebSocket, without sip.js logging', () => {
    const options = userAgentOptions(credentials);
    expect(String(options.uri)).toBe(credentials.uri);
    expect(options).toMatchObject({
      authorizationUsername: 'u1',
      authorizationPassword: 'p1',
      displayName: 'Oleg',
      logBuiltinEnabled: false,
      transportOptions: { server: credentials.wsUrl, connectionTimeout: 5 },
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: 500,
        peerConnectionConfiguration: { iceServers: credentials.iceServers },
      },
    });
  });

  it('caps ICE gathering as told', () => {
    expect(userAgentOptions(credentials, 20).sessionDescriptionHandlerFactoryOptions).toMatchObject(
      { iceGatheringTimeout: 20 },
    );
  });
});
