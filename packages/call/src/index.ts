/**
 * @frontdesk/call — the call-from-site widget: a visitor calls the company from the browser
 * (WebRTC, SIP over WebSocket). `start` is what the loader calls; the browser build's entry
 * `call.js` is `start.ts` alone: the opened widget loads on intent, and sip.js, in a chunk of
 * its own, only when the visitor shows intent to call. The rest of this door is for the
 * Studio's preview, the platform's call page and tests.
 */
export type {
  CallMessages,
  LiveCallMessages,
  OpenedCallMessages,
  OpenedTexts,
  Texts,
} from './call-messages';
export type { CallEvent, CallPhase, CallState, FailReason } from './call-state';
export {
  callDuration,
  DTMF_DIGITS,
  idle,
  isDtmf,
  isLive,
  microphoneReason,
  nextState,
  platformReason,
  sipReason,
} from './call-state';
export type { CallWidgetProps, PlaceCall } from './call-widget';
export { CallWidget, TITLE_ID } from './call-widget';
export type { LiveCallProps } from './live-call';
export { LiveCall } from './live-call';
export { loadTexts } from './live-texts';
export type { ActiveCall, CallEvents, CallTuning } from './sip-call';
export { placeCall } from './sip-call';
export { start } from './start';
