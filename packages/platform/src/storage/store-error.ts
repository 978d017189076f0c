/** Why a store call was refused; the HTTP layer maps these to 409 / 400 / 404 with the field. */
export type StoreErrorCode =
  /** A value that must be unique is taken: `email`, `key`, `sipDomain`. */
  | 'conflict'
  /** A referenced record does not exist: `accountId`, `userId`, `memberIds`. */
  | 'not_found'
  /** A value no engine could keep as given: a NUL byte, a lone surrogate, a time that is no integer. */
  | 'invalid'
  /** The account has used every SIP line number (they are never reused). */
  | 'exhausted';

/** Thrown by the store for input it refuses; other errors are bugs or outages. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** The input field at fault, named as in the store's method arguments. */
  readonly field: string;

  constructor(code: StoreErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'StoreError';
    this.code = code;
    this.field = field;
  }
}
