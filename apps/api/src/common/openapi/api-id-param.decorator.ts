import { applyDecorators, Get, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';

/** The uuid `{id}` path parameter, documented as the id of `resource` (e.g. `Model`). */
export function ApiIdParam(resource: string): MethodDecorator & ClassDecorator {
  return ApiParam({
    name: 'id',
    format: 'uuid',
    description: `${resource} id`,
  });
}

/** `GET :id`: one `resource` as `type`, 404 when there is none. */
export function ApiGetOne(resource: string, type: Type): MethodDecorator {
  return applyDecorators(
    Get(':id'),
    ApiOperation({ summary: `Get a ${resource.toLowerCase()}` }),
    ApiIdParam(resource),
    ApiOkResponse({ type }),
    ApiProblems(400, 404),
  );
}
