import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/api/http-error.js';
import { errorResponseOf } from '../../../src/api/server.js';
import { PipelineError } from '../../../src/errors.js';

describe(errorResponseOf.name, () => {
  it('maps errors to status and {error, message}', () => {
    expect(errorResponseOf(new HttpError(404, 'not_found', 'no article x'))).toEqual({ status: 404, body: { error: 'not_found', message: 'no article x' } });
    expect(errorResponseOf(new PipelineError('bad_payload', false, 'invalid cursor')).status).toBe(400);
    expect(errorResponseOf(new PipelineError('store', false, 'store is closed'))).toEqual({ status: 503, body: { error: 'unavailable', message: 'store is closed' } });
    expect(errorResponseOf(Object.assign(new Error('body too large'), { statusCode: 413 })).body.error).toBe('too_large');
  });

  it('hides the message when the error is unexpected', () => {
    expect(errorResponseOf(new Error('secret detail'))).toEqual({ status: 500, body: { error: 'internal', message: 'internal error' } });
  });
});
