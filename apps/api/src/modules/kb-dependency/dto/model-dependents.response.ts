import { ApiProperty } from '@nestjs/swagger';
import {
  MODEL_TYPES,
  PROVIDER_IDS,
  type ModelDependents,
  type ModelType,
  type ProviderId,
  type ReplacementCandidate,
} from '@llm-registry/contracts';
import { ModelDependentDto } from '../../../common/model-guard/model-guard-problem.dto';

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
