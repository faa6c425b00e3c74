import { ConnectionTestResultDto } from '../../../common/openapi/connection-test-result.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MODEL_CAPABILITIES,
  MODEL_TYPES,
  PROVIDER_IDS,
  type AuthEnv,
  type ConnectionSecretKey,
  type CredentialSource,
  type ModelCapability,
  type ModelType,
  type Page,
  type ProviderConnection,
  type ProviderId,
  type RemoteModelListing,
} from '@llm-registry/contracts';
import { PageMetaDto } from '../../../common/openapi/page-meta.dto';

export class ProviderConnectionDto implements ProviderConnection {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OpenAI production' }) name!: string;
  @ApiProperty({ enum: PROVIDER_IDS }) provider!: ProviderId;
  @ApiProperty({ nullable: true, type: String, example: null })
  baseUrl!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) apiVersion?:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: String }) organization?:
    | string
    | null;
  @ApiPropertyOptional({ nullable: true, type: String }) region?: string | null;
  @ApiProperty({ enum: ['encrypted', 'environment', 'none'] })
  credentialSource!: CredentialSource;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: null,
  })
  authEnv!: AuthEnv | null;
  @ApiProperty({ description: 'An encrypted credential is stored.' })
  hasSecret!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'sk-…abcd' })
  secretHint!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { apiKey: 'sk-…abcd' },
  })
  secretHints!: Partial<Record<ConnectionSecretKey, string>>;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ nullable: true, type: ConnectionTestResultDto })
  lastTest!: ConnectionTestResultDto | null;
  @ApiProperty({ example: 3 }) modelCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

export class ProviderConnectionPageDto
  extends PageMetaDto
  implements Page<ProviderConnection>
{
  @ApiProperty({ type: [ProviderConnectionDto] })
  items!: ProviderConnectionDto[];
}

export class RemoteModelDto implements RemoteModelListing {
  @ApiProperty({ example: 'gpt-4o-mini' }) modelName!: string;
  @ApiProperty({ example: 'gpt-4o-mini' }) displayName!: string;
  @ApiProperty({ enum: MODEL_TYPES, nullable: true }) type!: ModelType | null;
  @ApiProperty({ nullable: true, type: Number, example: 128000 })
  contextWindow!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: null })
  dimensions!: number | null;
  @ApiProperty({ enum: MODEL_CAPABILITIES, isArray: true })
  capabilities!: ModelCapability[];
  @ApiProperty({ type: [String], format: 'uuid' })
  registeredModelIds!: string[];
}

export class RemoteModelPageDto
  extends PageMetaDto
  implements Page<RemoteModelListing>
{
  @ApiProperty({ type: [RemoteModelDto] }) items!: RemoteModelDto[];
}
