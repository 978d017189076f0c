/**
 * @frontdesk/call/sip-client — what every Frontdesk SIP client shares (the call widget's sip.js chunk
 * and the console's softphone): the user agent options and the DTMF relay in SIP INFO. A door of
 * its own, so that a client takes these without the widget.
 */
export { DTMF_RELAY, dtmfDigit, dtmfRelayBody } from './dtmf-relay';
export { userAgentOptions } from './sip-agent';
