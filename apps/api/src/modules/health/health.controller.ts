import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { Public } from '../auth/access';
import { HealthService, type Readiness } from './health.service';

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'The process can serve requests: the database and the job queue answer',
    description:
      'Each check has 2 s. When one fails the answer is a 503 problem whose `checks` says which is `down`.',
  })
  @ApiOkResponse({
    schema: {
      example: { status: 'ok', checks: { database: 'up', queue: 'up' } },
    },
  })
  @ApiProblems(503)
  ready(): Promise<Readiness> {
    return this.health.ready();
  }
}
