import { describe, expect, test } from 'vitest';
import { decodeError, isUnknownOperation, sanitizeErrorCode } from '../../suites/harness/errors.js';

describe('error decoding as AWS SDK v3 restJson1 does it', () => {
  test('the X-Amzn-ErrorType header wins over the body', () => {
    const d = decodeError({ 'x-amzn-errortype': 'ResourceNotFoundException' }, { code: 'Other', __type: 'Third', Message: 'gone' });
    expect(d).toEqual({ code: 'ResourceNotFoundException', from: 'header', message: 'gone' });
  });

  test('header name is matched case-insensitively', () => {
    expect(decodeError({ 'X-Amzn-ErrorType': 'ConflictException' }, undefined).code).toBe('ConflictException');
  });

  test('without the header, a body member named code (any casing) is used', () => {
    expect(decodeError({}, { code: 'InvalidParameterException', message: 'bad' })).toEqual({ code: 'InvalidParameterException', from: 'body-code', message: 'bad' });
    expect(decodeError({}, { Code: 'ThrottlingException' }).code).toBe('ThrottlingException');
  });

  test('then __type', () => {
    expect(decodeError({}, { __type: 'ValidationException', Message: 'm' })).toEqual({ code: 'ValidationException', from: 'body-__type', message: 'm' });
  });

  test('ns#Name:uri is sanitised to Name, in the header and in the body', () => {
    expect(sanitizeErrorCode('aws.protocoltests#InvalidGreeting:http://internal.amazon.com/coral/com.amazon.coral.validate/')).toBe('InvalidGreeting');
    expect(decodeError({ 'x-amzn-errortype': 'com.amazonaws.connect#ConflictException:http://x/' }, {}).code).toBe('ConflictException');
    expect(decodeError({}, { __type: 'com.amazonaws.clouddirectory#BatchWriteException' }).code).toBe('BatchWriteException');
    expect(sanitizeErrorCode('FooError,BarError')).toBe('FooError');
    expect(sanitizeErrorCode('FooError:http://x,Bar')).toBe('FooError');
  });

  test('nothing names an error: code undefined', () => {
    expect(decodeError({}, { Message: 'x' })).toEqual({ code: undefined, from: 'none', message: 'x' });
    expect(decodeError({}, 'not an object').code).toBeUndefined();
    expect(decodeError({}, null).code).toBeUndefined();
  });

  test('UnknownOperation is recognised only on a 404', () => {
    expect(isUnknownOperation(404, { 'x-amzn-errortype': 'UnknownOperationException' }, {})).toBe(true);
    expect(isUnknownOperation(404, {}, { __type: 'UnknownOperationException' })).toBe(true);
    expect(isUnknownOperation(400, { 'x-amzn-errortype': 'UnknownOperationException' }, {})).toBe(false);
    expect(isUnknownOperation(404, { 'x-amzn-errortype': 'ResourceNotFoundException' }, {})).toBe(false);
  });
});
