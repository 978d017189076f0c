/**
 * @frontdesk/phone-network — a telephone network on one machine for tests and the demo: baresip
 * phones (auto-answer with a tone, busy, no answer…) and a Kamailio "carrier" that trunks reach
 * with digest auth. A stand-in for the world outside, never production code (README.md).
 */
export type {
  Carrier,
  CarrierInvite,
  CarrierOptions,
  TrunkAccount,
} from './carrier/carrier';
export type { CarrierRpc } from './carrier/rpc';
export {
  defaultToneHz,
  type PhoneNetwork,
  type PhoneNetworkOptions,
  startPhoneNetwork,
} from './network';
export type { PhoneCall, PhoneEvent } from './phone/events';
export type { Answering, Phone, PhoneSpec } from './phone/phone';
export { freePortBlock } from './ports';
export { dominantFrequency, hasTone, peakFrequency, toneSeconds } from './tone/goertzel';
export { type PcmAudio, parseWav, readWav, toneWav, writeToneWav } from './tone/wav';
