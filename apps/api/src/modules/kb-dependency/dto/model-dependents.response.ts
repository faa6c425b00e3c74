import { ApiProperty } from '@nestjs/swagger';
import {
  KNOWLEDGE_BASE_ROLES,
  MODEL_TYPES,
  PROVIDER_IDS,
  type DependencyKind,
  type KnowledgeBaseRole,
  type ModelDependent,
  type ModelDependents,
  type ModelDeprecation,
  type ModelType,
  type ProviderId,
  type ReplacementCandidate,
} from '@llm-registry/contracts';

const DEPENDENCY_KINDS: DependencyKind[] = ['binding', 'default'];

export class ModelDeprecationDto implements ModelDeprecation {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2027-03-31T00:00:00.000Z',
    description: 'When the model goes away. Nothing switches by itself.',
  })
  sunsetAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The active model of the same type to move to.',
  })
  successorId!: string | null;
}

export class ModelDependentDto implements ModelDependent {
  @ApiProperty({ example: 'support-faq' }) knowledgeBaseId!: string;
  @ApiProperty({ example: 'Support FAQ' }) knowledgeBaseName!: string;
  @ApiProperty({ example: 'global' }) scope!: string;
  @ApiProperty({ enum: KNOWLEDGE_BASE_ROLES }) role!: KnowledgeBaseRole;
  @ApiProperty({
    enum: DEPENDENCY_KINDS,
    description:
      'binding: the knowledge base names the model; default: it relies on the model as its default.',
  })
  via!: DependencyKind;
}

export class ReplacementCandidateDto implements ReplacementCandidate {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'text-embedding-3-small' }) name!: string;
  @ApiProperty({ example: 'global' }) scope!: string;
  @ApiProperty({ enum: PROVIDER_IDS }) provider!: ProviderId;
  @ApiProperty({ example: 'text-embedding-3-small' }) modelName!: string;
  @ApiProperty({ nullable: true, type: Number, example: 1536 })
  dimensions!: number | null;
}

export class ModelDependentsDto implements ModelDependents {
  @ApiProperty({ format: 'uuid' }) modelId!: string;
  @ApiProperty({ enum: MODEL_TYPES }) type!: ModelType;
  @ApiProperty({
    enum: ['unused', 'in_use', 'to_migrate'],
    description:
      'to_migrate: the model is deprecated and its dependents should move to another model.',
  })
  state!: ModelDependents['state'];
  @ApiProperty({
    type: [ModelDependentDto],
    example: [
      {
        knowledgeBaseId: 'support-faq',
        knowledgeBaseName: 'Support FAQ',
        scope: 'global',
        role: 'embedding',
        via: 'binding',
      },
    ],
  })
  dependents!: ModelDependentDto[];
  @ApiProperty({
    example: 1,
    description: 'All dependents; the list holds the first 200.',
  })
  total!: number;
  @ApiProperty({
    type: [ReplacementCandidateDto],
    description:
      'Active models of the same type (and dimensions, for embeddings) that every dependent may use: pass one as `reassignTo`.',
  })
  replacements!: ReplacementCandidateDto[];
}
