// The COMMON-* checks as suites use them: one call per response records every verdict that
// response can support (suites then add their own API's checks).
import type { ServiceName } from '../../spec/services.js';
import { check4xx, checkError, checkNot5xx, checkRequestId, checkSuccess, checkTimestamps, type ErrorExpectation } from './checks.js';
import type { HttpResult } from './transport.js';
import type { VerdictRecorder } from './verdicts.js';

/** The service's own validation error for a malformed body (COMMON-VAL-2). */
export const MALFORMED_BODY_ERROR: Record<ServiceName, string> = {
  connect: 'InvalidRequestException',
  'cognito-sync': 'InvalidParameterException',
  clouddirectory: 'ValidationException',
};

function requestIdVerdict(rec: VerdictRecorder, operation: string, r: HttpResult, what: string): void {
  if (r.kind !== 'response') return;
  const o = checkRequestId(r);
  rec.check('COMMON-RESP-2', { operation, check: `${what} carries x-amzn-RequestId`, ok: o.ok, message: o.message, evidence: [r.exchange] });
}

/** A call expected to succeed: COMMON-RESP-1, COMMON-RESP-2 and (when asked) COMMON-TS-1. Returns whether it succeeded. */
export function expectSuccess(rec: VerdictRecorder, service: ServiceName, operation: string, r: HttpResult, what: string, opts: { timestamps?: boolean } = {}): boolean {
  const o = checkSuccess(service, operation, r);
  rec.check('COMMON-RESP-1', { operation, check: `${what}: 200 JSON valid against ${operation}Response`, ok: o.ok, message: o.message, evidence: [r.exchange] });
  requestIdVerdict(rec, operation, r, what);
  if (opts.timestamps && r.kind === 'response' && r.status === 200) {
    const t = checkTimestamps(service, operation, r);
    rec.check('COMMON-TS-1', { operation, check: `${what}: timestamps are numbers`, ok: t.ok, message: t.message, evidence: [r.exchange] });
  }
  return o.ok;
}

/** A client mistake expected to be refused: COMMON-ERR-1 (well-formed, listed error), COMMON-ERR-2, COMMON-RESP-2. */
export function expectClientError(rec: VerdictRecorder, service: ServiceName, operation: string, r: HttpResult, what: string, expect: ErrorExpectation = {}): void {
  const n = checkNot5xx(r);
  rec.check('COMMON-ERR-2', { operation, check: `${what}: not a 5xx`, ok: n.ok, message: n.message, evidence: [r.exchange] });
  const e = checkError(service, operation, r, expect);
  rec.check('COMMON-ERR-1', { operation, check: `${what}: error has its shape's status, X-Amzn-ErrorType and message`, ok: e.ok, message: e.message, evidence: [r.exchange] });
  requestIdVerdict(rec, operation, r, what);
}

/** A malformed body: COMMON-VAL-2 (400 + the service's validation error: SHOULD; some 4xx: MUST), COMMON-ERR-2, COMMON-ERR-1. */
export function expectMalformedRejected(rec: VerdictRecorder, service: ServiceName, operation: string, r: HttpResult, what: string): void {
  const shape = MALFORMED_BODY_ERROR[service];
  const four = check4xx(r);
  rec.check('COMMON-VAL-2', { operation, check: `${what}: answered with a 4xx`, ok: four.ok, message: four.message, evidence: [r.exchange], partLevel: 'MUST' });
  const exact = checkError(service, operation, r, { shapes: [shape], statuses: [400] });
  rec.check('COMMON-VAL-2', { operation, check: `${what}: 400 ${shape}`, ok: exact.ok, message: exact.message, evidence: [r.exchange], level: 'SHOULD' });
  expectClientError(rec, service, operation, r, what);
}
