/** An error with its HTTP status and a stable, machine-readable `error` code: sent as `{error, message}`. */
export class HttpError extends Error {
  readonly status: number;
  readonly error: string;
  readonly extra: Record<string, unknown> | undefined;
  constructor(status: number, error: string, message: string, extra?: Record<string, unknown>) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.error = error;
    this.extra = extra;
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'bad_request', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'not_found', message);

/** The JSON body of every error response. */
export type ErrorBody = { error: string; message: string } & Record<string, unknown>;
