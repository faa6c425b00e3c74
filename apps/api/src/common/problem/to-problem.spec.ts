import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ValidationProblem } from './problem.exception';
import { toProblem } from './to-problem';

const request = { correlationId: 'c-1', path: '/api/v1/x' };

describe('toProblem', () => {
  it('renders a domain problem with its code and field errors', () => {
    const { problem, internal } = toProblem(
      new ValidationProblem([{ field: 'name', message: 'is required' }]),
      request,
    );
    expect(internal).toBe(false);
    expect(problem).toEqual({
      type: 'urn:llm-registry:problem:validation-failed',
      title: 'Invalid request',
      status: 400,
      detail: 'name is required',
      code: 'VALIDATION_FAILED',
      instance: '/api/v1/x',
      correlationId: 'c-1',
      errors: [{ field: 'name', message: 'is required' }],
    });
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(toProblem(new NotFoundException(), request).problem).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(
      toProblem(new PayloadTooLargeException(), request).problem,
    ).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('hides the message of an unexpected error and flags it for logging', () => {
    const { problem, internal } = toProblem(
      new Error('duplicate key value violates "secret_table"'),
      request,
    );
    expect(internal).toBe(true);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(problem)).not.toContain('secret_table');
  });

  it('answers a deadlock PostgreSQL broke with 409, asking for a retry', () => {
    const driverError = Object.assign(new Error('deadlock detected'), {
      code: '40P01',
    });
    const deadlock = new QueryFailedError('UPDATE models …', [], driverError);
    const { problem, internal } = toProblem(deadlock, request);
    expect(internal).toBe(false);
    expect(problem).toMatchObject({ status: 409, code: 'CONCURRENT_CHANGE' });
    expect(problem.detail).toMatch(/nothing changed\. Send it again/);
  });
});
