/**
 * One error type for the whole pipeline. `retryable` decides what the worker
 * shell does with it: retry with backoff, or fail the job permanently.
 */
export type ErrorCode =
  | 'network'
  | 'timeout'
  | 'http_status'
  | 'too_large'
  | 'not_html'
  | 'not_feed'
  | 'bad_payload'
  | 'bad_feed'
  | 'blocked_address'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'unreadable'
  | 'store'
  | 'config';

export class PipelineError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  constructor(code: ErrorCode, retryable: boolean, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'PipelineError';
    this.code = code;
    this.retryable = retryable;
  }
}

export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;

/** A short, log- and CLI-friendly description of any thrown value. */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof PipelineError) {
    return { code: err.code, message: err.message };
  }
  if (err instanceof Error) {
    return { code: 'unknown', message: err.message };
  }
  return { code: 'unknown', message: String(err) };
}
