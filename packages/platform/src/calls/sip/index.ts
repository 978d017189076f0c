/**
 * The SIP edge: Kamailio and the media relay rtpengine on loopback (edge.ts, composing
 * kamailio-process.ts and rtpengine-process.ts), the credentials Kamailio checks
 * (credentials.ts), its config template (config.ts, ../../sip/kamailio.cfg.template), the call
 * events it reports (events.ts) and the HTTP endpoints that hand out credentials (routes.ts). See
 * SIP-EDGE.md.
 */
import type { FastifyInstance } from 'fastify';
import type { EdgeLogger } from './edge-log';

export { refusal as dialRefusal } from './destinations';
export { createSipEdge } from './edge';
export type { EdgeLogger } from './edge-log';
export type { SipEdge, SipEdgeOptions, SipEdgeState, SipEdgeStatus } from './edge-types';
export { INSTALL_HINT, RTPENGINE_HINT } from './install';
export { freePort } from './process-group';
export { registerSipRoutes } from './routes';
export { syncingStore } from './store-sync';
export type { CallbackAddressee } from './third-party-call';
export { DEFAULT_TUNING, type SipEdgeTuning } from './tuning';

/**
 * The edge's log: info through the platform's logger (off with LOG=0), warnings and errors always
 * on stderr, so the install hint and a dying Kamailio are never silent.
 */
export function edgeLogger(app: () => FastifyInstance): EdgeLogger {
  return {
    info: (message) => app().log.info(message),
    warn: (message) => console.warn(message),
    error: (message, error) =>
      console.error(error === undefined ? message : `${message}: ${describe(error)}`),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
