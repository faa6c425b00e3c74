import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@llm-registry/contracts';
import { titleFor } from '../problem/problem';
import { ProblemDto } from './problem.dto';

type ProblemStatus = 400 | 401 | 404 | 409 | 413 | 422 | 428 | 502 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input; `errors` names each field.',
  401: 'Wrong credentials, or none.',
  404: 'Not found.',
  409: 'Conflict: stale `version`, name taken, or a state that forbids the change.',
  413: 'Body larger than 1 MB.',
  422: 'Valid, but not possible for this resource (e.g. a credential variable not set, or no discovery for this provider).',
  428: 'No `version` in the body and no If-Match header.',
  502: 'The provider answered with an error or could not be reached; the detail says which, scrubbed of credentials.',
  503: 'Not ready, or a service it needs (database, job queue) does not answer.',
};

/** Documents the problem+json error responses a route can answer. */
export function ApiProblems(
  ...statuses: ProblemStatus[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${titleFor(status)}. ${DESCRIPTIONS[status]}`,
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath(ProblemDto) },
          },
        },
      }),
    ),
  );
}
