import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ProblemException } from '../../common/problem/problem.exception';
import { Public } from '../auth/access';

const READY_TIMEOUT_MS = 2000;

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'The process can serve requests: the database answers',
  })
  @ApiOkResponse({
    schema: { example: { status: 'ok', checks: { database: 'up' } } },
  })
  @ApiProblems(503)
  async ready(): Promise<{ status: 'ok'; checks: Record<string, 'up'> }> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), READY_TIMEOUT_MS);
    } catch {
      throw new ProblemException(
        503,
        'NOT_READY',
        'Not ready',
        'The database does not answer.',
      );
    }
    return { status: 'ok', checks: { database: 'up' } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
