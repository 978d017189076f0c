import { DTMF_RELAY, dtmfDigit, dtmfRelayBody } from '@frontdesk/call/sip-client';
import { describe, expect, it } from 'vitest';

describe('DTMF digits in SIP INFO', () => {
  it('writes a digit as an application/dtmf-relay body', () => {
    expect(DTMF_RELAY).toBe('application/dtmf-relay');
    expect(dtmfRelayBody('5', 100)).toBe('Signal=5\r\nDuration=100');
  });

  it('reads DTMF digits of SIP INFO bodies', () => {
    expect(dtmfDigit('application/dtmf-relay', 'Signal=5\r\nDuration=100')).toBe('5');
    expect(dtmfDigit('application/dtmf-relay', 'Signal= #\r\nDuration=100')).toBe('#');
    expect(dtmfDigit('Application/DTMF-Relay', 'Signal=*')).toBe('*');
    expect(dtmfDigit('application/dtmf', '7')).toBe('7');
    expect(dtmfDigit('text/plain', 'Signal=5')).toBeUndefined();
    expect(dtmfDigit('application/dtmf-relay', 'Duration=100')).toBeUndefined();
    expect(dtmfDigit('application/dtmf-relay', undefined)).toBeUndefined();
  });

  it('reads back every digit it writes', () => {
    for (const digit of ['0', '9', '*', '#', 'A']) {
      expect(dtmfDigit(DTMF_RELAY, dtmfRelayBody(digit, 100))).toBe(digit);
    }
  });
});
