import { IsOptional, ValidateIf } from 'class-validator';

/** May be left out, but not sent as null (the column is NOT NULL). */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** May be left out or sent as null (clears the value). */
export const Nullable = IsOptional;
