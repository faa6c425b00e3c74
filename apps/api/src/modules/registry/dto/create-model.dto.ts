import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  MODEL_CAPABILITIES,
  MODEL_STATUSES,
  MODEL_TYPES,
  PROVIDER_IDS,
  SCOPE_PATTERN,
  type CreateModelRequest,
  type ModelCapability,
  type ModelParams,
  type ModelStatus,
  type ModelType,
  type ProviderId,
} from '@llm-registry/contracts';
import { Nullable, OptionalNotNull } from '../../../common/validation/optional';
import {
  IsHttpUrl,
  IsOneOf,
  IsScope,
  IsUuid,
  Trim,
} from '../../../common/validation/validators';
import { HealthCheckSettingsDto } from '../../../common/openapi/health-check-settings.dto';

const MAX_PRICE = 1_000_000;

export class CreateModelDto implements CreateModelRequest {
  @ApiProperty({
    example: 'GPT-4o mini',
    maxLength: 200,
    description: 'Display name, unique within its scope.',
  })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    enum: MODEL_TYPES,
    example: 'generation',
    description: 'Fixed at creation.',
  })
  @IsOneOf(MODEL_TYPES)
  type!: ModelType;

  @ApiProperty({
    enum: PROVIDER_IDS,
    example: 'openai',
    description: 'Must serve the type (see GET /api/v1/catalog/providers).',
  })
  @IsOneOf(PROVIDER_IDS)
  provider!: ProviderId;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description:
      'The provider connection (endpoint and credentials) to call it through; must be of the same provider.',
  })
  @Nullable()
  @IsUuid()
  providerConnectionId?: string | null;

  @ApiProperty({
    example: 'gpt-4o-mini',
    maxLength: 300,
    description: "The provider's identifier (Azure: the deployment name).",
  })
  @Trim()
  @IsString()
  @Length(1, 300)
  modelName!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    example: 'Fast, cheap chat model for summaries.',
  })
  @Nullable()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'http://localhost:11434',
    description: 'Base URL when it is not the provider default.',
  })
  @Nullable()
  @IsHttpUrl()
  endpoint?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {
      temperature: 0.2,
      context_window: 128000,
      max_output_tokens: 4096,
    },
    description:
      "Type parameters, validated against the provider catalogue's specs for this type.",
  })
  @OptionalNotNull()
  @IsObject()
  params?: ModelParams;

  @ApiPropertyOptional({
    enum: MODEL_CAPABILITIES,
    isArray: true,
    example: ['tools', 'streaming'],
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MODEL_CAPABILITIES.length)
  @IsIn(MODEL_CAPABILITIES, {
    each: true,
    message: `each value must be one of ${MODEL_CAPABILITIES.join(', ')}`,
  })
  capabilities?: ModelCapability[];

  @ApiPropertyOptional({ enum: MODEL_STATUSES, default: 'active' })
  @OptionalNotNull()
  @IsOneOf(MODEL_STATUSES)
  status?: ModelStatus;

  @ApiPropertyOptional({
    default: false,
    description:
      'Make it the default of its type in its scope (clears the previous one).',
  })
  @OptionalNotNull()
  @IsBoolean()
  isDefault?: boolean;

  @ApiPropertyOptional({
    default: 100,
    minimum: 0,
    maximum: 1000000,
    description: 'Fallback order: lower is tried first.',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number;

  @ApiPropertyOptional({
    default: 'global',
    example: 'team-search',
    pattern: SCOPE_PATTERN.source,
    description: 'Fixed at creation.',
  })
  @OptionalNotNull()
  @IsScope()
  scope?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    example: 'platform-team',
  })
  @Nullable()
  @IsString()
  @MaxLength(200)
  owner?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    example: 0.15,
    description: 'USD per million input tokens.',
  })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(0)
  @Max(MAX_PRICE)
  inputPricePerMillion?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    example: 0.6,
    description: 'USD per million output tokens.',
  })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(0)
  @Max(MAX_PRICE)
  outputPricePerMillion?: number | null;

  @ApiPropertyOptional({
    type: HealthCheckSettingsDto,
    nullable: true,
    description:
      'Scheduled health checks of this model (they run only when HEALTH_CHECKS_ENABLED is set); null turns them off.',
  })
  @Nullable()
  @ValidateNested()
  @Type(() => HealthCheckSettingsDto)
  healthCheck?: HealthCheckSettingsDto | null;
}
