import { ApiProperty } from '@nestjs/swagger';
import {
  KNOWLEDGE_BASE_ROLES,
  type DependencyKind,
  type KnowledgeBaseRole,
  type ModelDependent,
} from '@llm-registry/contracts';

const DEPENDENCY_KINDS: DependencyKind[] = ['binding', 'default'];

/** A knowledge base relying on a model, as models, dependents and guard problems list it. */
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
