import type { Country } from '@frontdesk/schedule';
import type { ParsedPhone } from './parse-phone';

/** Call directions an automatic callback may dial, from the widget's mode. */
export interface Directions {
  local: boolean;
  national: boolean;
  international: boolean;
}

/**
 * Whether an automatic callback may dial `phone`. Numbers abroad need `international`; numbers of
 * the widget's country need `local` or `national` (the account has no home area yet, so the two
 * are not told apart here).
 */
export function mayDial(phone: ParsedPhone, country: Country, directions: Directions): boolean {
  const domestic = phone.country === country.toUpperCase();
  return domestic ? directions.local || directions.national : directions.international;
}
