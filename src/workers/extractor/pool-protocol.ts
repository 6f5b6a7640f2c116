import type { ErrorCode } from '../../errors.js';
import type { Extracted } from './types.js';

/** Messages between the extractor pool and its worker threads. */
export type PoolRequest = { id: number; html: string; url: string };
export type PoolReply =
  | { id: number; ok: true; value: Extracted | null }
  | { id: number; ok: false; error: { code: ErrorCode; retryable: boolean; message: string } };
export type PoolReady = { ready: true };
