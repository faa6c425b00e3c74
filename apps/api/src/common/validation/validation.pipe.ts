import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError } from '@llm-registry/contracts';
import { ValidationProblem } from '../problem/problem.exception';
import { ENTRY_RULES } from './validators';

/** Flattens class-validator's error tree into dotted field paths (`params.temperature`, `ids.3`). */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(
      ([rule, message]) =>
        ENTRY_RULES.has(rule)
          ? entryError(field, message)
          : {
              field,
              message:
                rule === 'whitelistValidation'
                  ? 'is not an accepted field'
                  : stripProperty(message, error.property),
            },
    );
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** `key: what is wrong` from a rule over a map becomes the field `<map>.<key>`. */
function entryError(field: string, message: string): FieldError {
  const separator = message.indexOf(': ');
  return separator < 0
    ? { field, message }
    : {
        field: `${field}.${message.slice(0, separator)}`,
        message: message.slice(separator + 2),
      };
}

/** class-validator messages start with the property name; the field already says it. */
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `)
    ? message.slice(property.length + 1)
    : message;
}

/** Strict global validation: unknown fields are refused, payloads are turned into DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ValidationProblem(flattenValidationErrors(errors)),
  });
}
