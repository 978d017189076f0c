/** A 4xx answer: every error body is `{ error: { code, field?, message } }` with a stable code. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(statusCode: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.field = field;
  }

  /** The JSON body of this error. */
  toBody(): { error: { code: string; field?: string; message: string } } {
    return {
      error: {
        code: this.code,
        ...(this.field ? { field: this.field } : {}),
        message: this.message,
      },
    };
  }
}

/** 404 for a widget that does not exist, is inactive or was deleted. */
export function widgetNotFound(key: string): ApiError {
  return new ApiError(404, 'widget_not_found', `No active widget has the key "${key}".`);
}
