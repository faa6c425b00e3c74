import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MODEL_CAPABILITIES,
  MODEL_TYPES,
  PROVIDER_IDS,
  type ConnectionFieldSpec,
  type ModelCapability,
  type ModelType,
  type ParamSpec,
  type ProviderCatalogEntry,
  type ProviderId,
} from '@llm-registry/contracts';

export class ConnectionFieldDto implements ConnectionFieldSpec {
  @ApiProperty({ example: 'apiKey' }) key!: string;
  @ApiProperty({ example: 'API key' }) label!: string;
  @ApiProperty({ enum: ['string', 'url', 'secret', 'select'] })
  kind!: ConnectionFieldSpec['kind'];
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: 'Write-only: never returned once stored.' })
  secret!: boolean;
  @ApiPropertyOptional({ example: 'https://api.openai.com/v1' })
  default?: string;
  @ApiPropertyOptional({ example: 'OPENAI_API_KEY' }) envVar?: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiProperty() help!: string;
}

export class ParamSpecDto implements ParamSpec {
  @ApiProperty({ example: 'temperature' }) key!: string;
  @ApiProperty({ example: 'Temperature' }) label!: string;
  @ApiProperty({
    enum: ['integer', 'number', 'boolean', 'enum', 'string-list'],
  })
  kind!: ParamSpec['kind'];
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional({ example: 0 }) min?: number;
  @ApiPropertyOptional({ example: 2 }) max?: number;
  @ApiPropertyOptional({
    example: 0.7,
    oneOf: [
      { type: 'number' },
      { type: 'boolean' },
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
    ],
  })
  default?: number | boolean | string | string[];
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiProperty() help!: string;
}

export class ProviderCatalogEntryDto implements ProviderCatalogEntry {
  @ApiProperty({ enum: PROVIDER_IDS }) id!: ProviderId;
  @ApiProperty({ example: 'OpenAI' }) label!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: MODEL_TYPES, isArray: true }) modelTypes!: ModelType[];
  @ApiProperty({ type: [ConnectionFieldDto] })
  connectionFields!: ConnectionFieldDto[];
  @ApiProperty({ enum: MODEL_CAPABILITIES, isArray: true })
  capabilities!: ModelCapability[];
  @ApiProperty({
    type: [String],
    example: ['https://api.openai.com'],
    description:
      'Where the environment variables of its secret fields may be sent by default (`*`: one DNS label).',
  })
  officialOrigins!: string[];
  @ApiProperty({
    type: 'object',
    description: 'Params per served model type, with ranges and defaults.',
    additionalProperties: {
      type: 'array',
      items: { $ref: '#/components/schemas/ParamSpecDto' },
    },
  })
  params!: Partial<Record<ModelType, ParamSpecDto[]>>;
}
