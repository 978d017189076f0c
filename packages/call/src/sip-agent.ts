/**
 * The sip.js user agent options of every Frontdesk SIP client — the call widget's and the
 * console's softphone: identity and digest login from the platform's credentials answer, its
 * WebSocket, the ICE servers, no sip.js logging. Each client adds its own media and delegate.
 * Only modules that load sip.js anyway import this (the widget's sip.js chunk, the softphone).
 */
import type { SipCredentials } from '@frontdesk/config';
import { UserAgent, type UserAgentOptions } from 'sip.js';

/** The user agent options for `credentials`; `iceGatheringTimeout` caps ICE gathering, ms. */
export function userAgentOptions(
  credentials: SipCredentials,
  iceGatheringTimeout = 500,
): UserAgentOptions {
  return {
    uri: UserAgent.makeURI(credentials.uri),
    authorizationUsername: credentials.username,
    authorizationPassword: credentials.password,
    displayName: credentials.displayName,
    logBuiltinEnabled: false,
    transportOptions: { server: credentials.wsUrl, connectionTimeout: 5 },
    sessionDescriptionHandlerFactoryOptions: {
      // With no STUN/TURN there is nothing to wait for.
      iceGatheringTimeout,
      peerConnectionConfiguration: { iceServers: credentials.iceServers },
    },
  };
}
