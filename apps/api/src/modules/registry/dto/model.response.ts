import { ConnectionTestResultDto } from '../../connection-tests/dto/connection-test-result.dto';
import { HealthCheckSettingsDto } from '../../connection-tests/dto/health-check-settings.dto';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PageMetaDto } from '../../../common/openapi/page-meta.dto';
import { ModelDependentDto } from '../../../common/model-guard/model-guard-problem.dto';
import { ModelDeprecationDto } from './model-deprecation.dto';
import {
  BULK_ACTIONS,
  MODEL_CAPABILITIES,
  MODEL_STATUSES,
  MODEL_TYPES,
  PROVIDER_IDS,
  PROXY_SYNC_STATES,
  type BulkAction,
  type BulkActionResponse,
  type BulkItemResult,
  type Model,
  type ModelCapability,
  type ModelProxySync,
  type ModelParams,
  type ModelStatus,
  type ModelType,
  type Page,
  type ProviderId,
  type ProxySyncState,
  type PublicModel,
} from '@llm-registry/contracts';

export class ModelProxySyncDto implements ModelProxySync {
  @ApiProperty({
    enum: PROXY_SYNC_STATES,
    description:
      'synced: LiteLLM serves what the registry says (nothing, for a model that is not active); pending: a change is on its way; error: see lastError; off: the mirror is turned off.',
  })
  state!: ProxySyncState;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'LiteLLM did not answer in time',
  })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastSyncedAt!: string | null;
}

export class ModelDto implements Model {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GPT-4o mini' }) name!: string;
  @ApiProperty({ enum: MODEL_TYPES }) type!: ModelType;
  @ApiProperty({ enum: PROVIDER_IDS }) provider!: ProviderId;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  providerConnectionId!: string | null;
  @ApiProperty({ example: 'gpt-4o-mini' }) modelName!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) endpoint!:
    | string
    | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { temperature: 0.2 },
  })
  params!: ModelParams;
  @ApiProperty({ enum: MODEL_CAPABILITIES, isArray: true })
  capabilities!: ModelCapability[];
  @ApiProperty({ enum: MODEL_STATUSES }) status!: ModelStatus;
  @ApiProperty({
    type: ModelDeprecationDto,
    nullable: true,
    description:
      'Set while deprecated: its sunset and successor. Consumers should move to the successor.',
  })
  deprecation!: ModelDeprecationDto | null;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ example: 10 }) priority!: number;
  @ApiProperty({ example: 'global' }) scope!: string;
  @ApiProperty({ nullable: true, type: String }) owner!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.15 })
  inputPricePerMillion!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.6 })
  outputPricePerMillion!: number | null;
  @ApiProperty({ type: ConnectionTestResultDto, nullable: true })
  lastTest!: ConnectionTestResultDto | null;
  @ApiProperty({ type: HealthCheckSettingsDto, nullable: true })
  healthCheck!: HealthCheckSettingsDto | null;
  @ApiProperty({
    type: ModelProxySyncDto,
    nullable: true,
    description:
      'Its state in the LiteLLM mirror (`model: db-<id>`); null when never mirrored.',
  })
  proxySync!: ModelProxySyncDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({
    example: 1,
    description: 'Send it back on writes; a stale one is refused with 409.',
  })
  version!: number;
}

export class PublicModelDto
  extends OmitType(ModelDto, [
    'endpoint',
    'owner',
    'providerConnectionId',
    'lastTest',
    'healthCheck',
    'proxySync',
  ] as const)
  implements PublicModel {}

export class ModelPageDto extends PageMetaDto implements Page<Model> {
  @ApiProperty({ type: [ModelDto] }) items!: ModelDto[];
}

export class PublicModelPageDto
  extends PageMetaDto
  implements Page<PublicModel>
{
  @ApiProperty({ type: [PublicModelDto] }) items!: PublicModelDto[];
}

export class BulkItemResultDto implements BulkItemResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({
    example: 200,
    description: 'The status this id would have got on its own.',
  })
  status!: number;
  @ApiPropertyOptional({ example: 'No model with id 3f0c….' }) error?: string;
  @ApiPropertyOptional({ example: 'MODEL_IN_USE' }) code?: string;
  @ApiPropertyOptional({
    type: [ModelDependentDto],
    description: 'When refused because knowledge bases rely on the model.',
  })
  dependents?: ModelDependentDto[];
}

export class BulkActionResponseDto implements BulkActionResponse {
  @ApiProperty({ enum: BULK_ACTIONS }) action!: BulkAction;
  @ApiProperty({ example: 2 }) succeeded!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ type: [BulkItemResultDto] }) results!: BulkItemResultDto[];
}
