import { type ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.pipe';

describe('flattenValidationErrors', () => {
  it('turns nested errors into dotted field paths without repeating the property name', () => {
    const errors: ValidationError[] = [
      {
        property: 'name',
        constraints: { isString: 'name must be a string' },
        children: [],
      },
      {
        property: 'colour',
        constraints: {
          whitelistValidation: 'property colour should not exist',
        },
        children: [],
      },
      {
        property: 'params',
        children: [
          {
            property: 'temperature',
            constraints: { max: 'temperature must not be greater than 2' },
            children: [],
          },
        ],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', message: 'must be a string' },
      { field: 'colour', message: 'is not an accepted field' },
      { field: 'params.temperature', message: 'must not be greater than 2' },
    ]);
  });
});
