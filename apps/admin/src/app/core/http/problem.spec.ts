import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@llm-registry/contracts';
import { applyServerErrors, errorMessage, problemOf } from './problem';

const problem = (overrides: Partial<ProblemDetails>): HttpErrorResponse =>
  new HttpErrorResponse({
    status: overrides.status ?? 400,
    error: {
      type: 'urn:x',
      title: 'Invalid request',
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      correlationId: 'c-1',
      status: 400,
      ...overrides,
    },
  });

describe('applyServerErrors', () => {
  it("puts each field error on its control, nested params included, and returns the ones it can't place", () => {
    const form = new FormGroup({
      name: new FormControl(''),
      params: new FormGroup({ temperature: new FormControl(3) }),
    });
    const unmatched = applyServerErrors(form, [
      { field: 'name', message: 'is already used in scope global' },
      { field: 'params.temperature', message: 'must be between 0 and 1' },
      { field: 'owner', message: 'is too long' },
    ]);
    expect(form.get('name')?.errors).toEqual({
      server: 'Is already used in scope global',
    });
    expect(form.get('name')?.touched).toBe(true);
    expect(form.get('params.temperature')?.errors).toEqual({
      server: 'Must be between 0 and 1',
    });
    expect(unmatched).toEqual([{ field: 'owner', message: 'is too long' }]);
  });

  it('maps API field names to control paths', () => {
    const form = new FormGroup({
      connection: new FormGroup({ apiKey: new FormControl('') }),
    });
    applyServerErrors(
      form,
      [{ field: 'apiKey', message: 'is required' }],
      (f) => `connection.${f}`,
    );
    expect(form.get('connection.apiKey')?.errors).toEqual({
      server: 'Is required',
    });
  });
});

describe('errorMessage', () => {
  it('says what happened, what to do next, and the reference', () => {
    const message = errorMessage(
      problem({
        status: 409,
        detail: 'The model changed since you read it.',
        code: 'STALE',
      }),
    );
    expect(message).toContain('The model changed since you read it.');
    expect(message).toContain('refresh and try again');
    expect(message).toContain('(ref c-1)');
  });

  it('lists field errors and handles answers without a problem body', () => {
    expect(
      errorMessage(
        problem({ errors: [{ field: 'name', message: 'must not be empty' }] }),
      ),
    ).toContain('name must not be empty');
    expect(errorMessage(new HttpErrorResponse({ status: 0 }), 'Saving')).toBe(
      'Saving failed (no answer). The registry did not answer: check that it is running and try again.',
    );
    expect(problemOf(new Error('x'))).toBeNull();
  });

  it('leaves out field errors the detail already names', () => {
    const message = errorMessage(
      problem({
        status: 409,
        detail:
          'providerConnectionId of Embed cannot change while 1 knowledge base is indexed with it.',
        errors: [
          {
            field: 'providerConnectionId',
            message: 'is pinned by knowledge bases',
          },
        ],
      }),
    );
    expect(message).not.toContain('is pinned by knowledge bases');
    expect(message).toContain('cannot change while 1 knowledge base');
  });
});
