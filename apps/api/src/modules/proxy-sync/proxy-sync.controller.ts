import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ProxySyncRun,
  type ProxySyncRunAccepted,
  type ProxySyncStatus,
} from '@llm-registry/contracts';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ADMIN_API } from '../../common/routes';
import { UuidParamPipe } from '../../common/validation/validators';
import {
  ProxySyncRunAcceptedDto,
  ProxySyncRunDto,
  ProxySyncStatusDto,
} from './dto/proxy-sync.response';
import { ProxySyncService } from './proxy-sync.service';

/** The LiteLLM mirror: its state, and reconciles on demand. */
@ApiTags('LiteLLM mirror (admin)')
@Controller(`${ADMIN_API}/proxy-sync`)
export class ProxySyncController {
  constructor(private readonly proxySync: ProxySyncService) {}

  @Get()
  @ApiOperation({
    summary: 'The mirror: on or off, models per state, and the last reconcile',
  })
  @ApiOkResponse({ type: ProxySyncStatusDto })
  status(): Promise<ProxySyncStatus> {
    return this.proxySync.status();
  }

  @Post('reconcile')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Reconcile LiteLLM with the registry now',
    description:
      'Answers 202 with the run id at once; the run is a job that starts as soon as no other reconcile is running (one at a time across all workers). It reads LiteLLM once, then creates missing deployments, updates changed ones and removes `db-*` deployments no serving (active or deprecated) model owns; an unchanged registry makes no write. Poll GET /api/v1/admin/proxy-sync/runs/{id} until status is succeeded or failed. 409 when the mirror is off.',
  })
  @ApiAcceptedResponse({ type: ProxySyncRunAcceptedDto })
  @ApiProblems(409, 503)
  reconcile(): Promise<ProxySyncRunAccepted> {
    return this.proxySync.requestReconcile();
  }

  @Get('runs/:id')
  @ApiOperation({
    summary: 'One reconcile run: its status, then what it found and fixed',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Run id' })
  @ApiOkResponse({ type: ProxySyncRunDto })
  @ApiProblems(400, 404)
  run(@Param('id', UuidParamPipe) id: string): Promise<ProxySyncRun> {
    return this.proxySync.getRun(id);
  }
}
