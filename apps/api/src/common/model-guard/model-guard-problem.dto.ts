import { ApiProperty } from '@nestjs/swagger';
import {
  KNOWLEDGE_BASE_ROLES,
  type DependencyKind,
  type KnowledgeBaseRole,
  type ModelDependent,
  type ModelGuardProblemExtension,
} from '@llm-registry/contracts';
import { ProblemDto } from '../openapi/problem.dto';

const DEPENDENCY_KINDS: DependencyKind[] = ['binding', 'default'];

/** Who relies on a model: a knowledge base naming it, or relying on it as its default. */
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

/** A 409 from a lifecycle guard: the problem plus who relies on the model. */
export class ModelGuardProblemDto
  extends ProblemDto
  implements ModelGuardProblemExtension
{
  @ApiProperty({
    type: [ModelDependentDto],
    description:
      'The knowledge bases that rely on the model (the first 200). Empty on a stale version.',
  })
  dependents!: ModelDependentDto[];

  @ApiProperty({ example: 1 })
  dependentsTotal!: number;
}
