/**
 * The platform's answers to a SIP client's credential request: a short-lived digest login on the
 * platform's SIP edge, for the call widget (`POST /v1/widgets/:key/call-credentials`) and for
 * the console's softphone (`POST /v1/ops/sip-credentials`). One shape for both sides of the wire.
 */

/** An ICE server as `RTCIceServer` has it (declared here: the platform's build has no DOM types). */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** What every SIP credentials answer holds. */
export interface SipCredentials {
  /** The digest user name. */
  username: string;
  password: string;
  /** When the login stops working, ms since the epoch. */
  expiresAt: number;
  /** The SIP edge's WebSocket. */
  wsUrl: string;
  /** The user agent's own SIP URI (its From). */
  uri: string;
  displayName: string;
  iceServers: IceServer[];
}

/** The answer of `POST /v1/widgets/:key/call-credentials`: whom the visitor's call goes to. */
export interface CallCredentials extends SipCredentials {
  /** The widget's line, `sip:line12345@vpbx…`. */
  target: string;
}

/** A line an operator serves, as the softphone registers it. */
export interface ServedLine {
  /** `sip:line12345@vpbx…`: the AOR to REGISTER. */
  target: string;
  /** `line12345@vpbx…`. */
  line: string;
  widgetId: string;
  widgetKey: string;
  widgetName: string;
}

/** The answer of `POST /v1/ops/sip-credentials`: the lines the operator answers. */
export interface OperatorSipCredentials extends SipCredentials {
  lines: ServedLine[];
}
