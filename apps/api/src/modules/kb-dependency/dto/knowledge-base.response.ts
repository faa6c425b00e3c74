import { ApiProperty } from '@nestjs/swagger';
import {
  KNOWLEDGE_BASE_ROLES,
  MODEL_STATUSES,
  MODEL_TYPES,
  PROVIDER_IDS,
  type DependencyKind,
  type KnowledgeBase,
  type KnowledgeBaseModel,
  type KnowledgeBaseRole,
  type KnowledgeBaseWithModels,
  type ModelStatus,
  type ModelType,
  type Page,
  type ProviderId,
} from '@llm-registry/contracts';
import { PageMetaDto } from '../../../common/openapi/page-meta.dto';
import { ModelDeprecationDto } from '../../registry/dto/model-deprecation.dto';

export class KnowledgeBaseDto implements KnowledgeBase {
  @ApiProperty({ example: 'support-faq' }) id!: string;
  @ApiProperty({ example: 'Support FAQ' }) name!: string;
  @ApiProperty({ example: 'global' }) scope!: string;
  @ApiProperty({ format: 'uuid' }) embeddingModelId!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: the default generation model.',
  })
  generationModelId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null: the default rerank model.',
  })
  rerankModelId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

export class KnowledgeBaseModelDto implements KnowledgeBaseModel {
  @ApiProperty({ enum: KNOWLEDGE_BASE_ROLES }) role!: KnowledgeBaseRole;
  @ApiProperty({
    enum: ['binding', 'default'],
    description:
      'binding: named by the knowledge base; default: the default it falls back to.',
  })
  via!: DependencyKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'text-embedding-3-small' }) name!: string;
  @ApiProperty({ enum: MODEL_TYPES }) type!: ModelType;
  @ApiProperty({ enum: MODEL_STATUSES }) status!: ModelStatus;
  @ApiProperty({ enum: PROVIDER_IDS }) provider!: ProviderId;
  @ApiProperty({ example: 'text-embedding-3-small' }) modelName!: string;
  @ApiProperty({ nullable: true, type: Number, example: 1536 })
  dimensions!: number | null;
  @ApiProperty({ type: ModelDeprecationDto, nullable: true })
  deprecation!: ModelDeprecationDto | null;
}

export class KnowledgeBaseWithModelsDto
  extends KnowledgeBaseDto
  implements KnowledgeBaseWithModels
{
  @ApiProperty({ type: [KnowledgeBaseModelDto] })
  models!: KnowledgeBaseModelDto[];
  @ApiProperty({
    type: [KnowledgeBaseModelDto],
    description:
      'Bound models that are deprecated: move to their successor (nothing switches by itself).',
  })
  toMigrate!: KnowledgeBaseModelDto[];
}

export class KnowledgeBasePageDto
  extends PageMetaDto
  implements Page<KnowledgeBaseWithModels>
{
  @ApiProperty({ type: [KnowledgeBaseWithModelsDto] })
  items!: KnowledgeBaseWithModelsDto[];
}
