/**
 * The calls feature: the SIP edge (Kamailio, rtpengine; sip/), trunks, SIP lines, calls and the
 * call history, the call window.
 */
export { registerAdminCallHistory } from './admin-call-history';
export { registerAdminTrunks } from './admin-trunks';
export { callHistoryRepository } from './call-history-store';
export { registerCallPage } from './call-page';
export type {
  Call,
  CallHistoryEntry,
  CallHistoryRepository,
  CallStatus,
  CallsRepository,
  SipLine,
  Trunk,
  TrunksRepository,
} from './call-records';
export { type CallRow, callsRepository, toCall } from './calls-store';
export { parseTrunkUrl, seedDemoTrunk } from './demo-trunk';
export {
  type CallbackAddressee,
  createSipEdge,
  DEFAULT_TUNING,
  dialRefusal,
  edgeLogger,
  freePort,
  registerSipRoutes,
  type SipEdge,
  type SipEdgeTuning,
  syncingStore,
} from './sip';
export { allocateLine, randomLineDigits } from './sip-lines-store';
export { trunksRepository } from './trunks-store';
