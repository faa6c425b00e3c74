import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalNotNull } from '../validation/optional';
import { IsVersion } from '../validation/validators';
import { ApiProblems } from './api-problems.decorator';

/** A PATCH that must say which version it is based on: If-Match documented, 409 and 428 listed. */
export function ApiVersionedUpdate(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The version you read, instead of `version` in the body.',
    }),
    ApiProblems(400, 404, 409, 413, 428),
  );
}

/** The `version` body field of such a PATCH. */
export function VersionField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 3,
      description:
        'The version you read. Required here or as an If-Match header.',
    }),
    OptionalNotNull(),
    IsVersion(),
  );
}
