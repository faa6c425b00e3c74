import { ApiProperty } from '@nestjs/swagger';
import {
  PROXY_SYNC_RUN_STATUSES,
  PROXY_SYNC_TRIGGERS,
  type ProxySyncDrift,
  type ProxySyncRun,
  type ProxySyncRunAccepted,
  type ProxySyncRunStatus,
  type ProxySyncState,
  type ProxySyncStatus,
  type ProxySyncTrigger,
} from '@llm-registry/contracts';

export class ProxySyncRunAcceptedDto implements ProxySyncRunAccepted {
  @ApiProperty({
    format: 'uuid',
    description:
      'Poll GET /api/v1/admin/proxy-sync/runs/{id} until status is succeeded or failed.',
  })
  id!: string;
}

export class ProxySyncDriftDto implements ProxySyncDrift {
  @ApiProperty({
    example: 1,
    description: 'Active models LiteLLM did not serve.',
  })
  missing!: number;
  @ApiProperty({
    example: 1,
    description: 'Deployments that differed from what the registry sends.',
  })
  changed!: number;
  @ApiProperty({
    example: 0,
    description: '`db-*` deployments that belong to no active model.',
  })
  foreign!: number;
}

export class ProxySyncRunDto implements ProxySyncRun {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PROXY_SYNC_TRIGGERS }) trigger!: ProxySyncTrigger;
  @ApiProperty({ enum: PROXY_SYNC_RUN_STATUSES }) status!: ProxySyncRunStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  finishedAt!: string | null;
  @ApiProperty({
    example: 10,
    description:
      'Calls that read LiteLLM: the pages of one listing, plus look-ups after an ambiguous create.',
  })
  reads!: number;
  @ApiProperty({
    example: 0,
    description: 'Calls that changed LiteLLM. 0 when nothing differed.',
  })
  writes!: number;
  @ApiProperty({ type: ProxySyncDriftDto }) driftFound!: ProxySyncDriftDto;
  @ApiProperty({ example: 2 }) driftFixed!: number;
  @ApiProperty({
    example: 0,
    description:
      'Models this run left in error; each says why in proxySync.lastError.',
  })
  failedModels!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class ProxySyncModelCountsDto implements Record<ProxySyncState, number> {
  @ApiProperty({ example: 41 }) synced!: number;
  @ApiProperty({ example: 1 }) pending!: number;
  @ApiProperty({ example: 0 }) error!: number;
  @ApiProperty({ example: 0 }) off!: number;
}

export class ProxySyncStatusDto implements ProxySyncStatus {
  @ApiProperty({
    description: 'On when LITELLM_URL and LITELLM_MASTER_KEY are set.',
  })
  enabled!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'http://litellm:4000' })
  litellmUrl!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 300 })
  reconcileIntervalSeconds!: number | null;
  @ApiProperty({
    type: ProxySyncModelCountsDto,
    description:
      'Models per mirror state (never-mirrored models are not counted).',
  })
  models!: ProxySyncModelCountsDto;
  @ApiProperty({ type: ProxySyncRunDto, nullable: true })
  lastRun!: ProxySyncRunDto | null;
}
