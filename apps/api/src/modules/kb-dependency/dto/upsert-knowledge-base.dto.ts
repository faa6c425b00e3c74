import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import {
  GLOBAL_SCOPE,
  type UpsertKnowledgeBaseRequest,
} from '@llm-registry/contracts';
import { Nullable, OptionalNotNull } from '../../../common/validation/optional';
import { IsScope, IsUuid, Trim } from '../../../common/validation/validators';

export class UpsertKnowledgeBaseDto implements UpsertKnowledgeBaseRequest {
  @ApiProperty({ example: 'Support FAQ', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    format: 'uuid',
    description:
      'The active embedding model the index is built with. Pinned from then on: it cannot be deleted, deactivated or have its dimensions changed while bound.',
  })
  @IsUuid()
  embeddingModelId!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An active generation model; left out or null uses the default generation model of the scope (else the global one).',
  })
  @Nullable()
  @IsUuid()
  generationModelId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An active rerank model; left out or null uses the default rerank model of the scope (else the global one).',
  })
  @Nullable()
  @IsUuid()
  rerankModelId?: string | null;

  @ApiPropertyOptional({
    example: GLOBAL_SCOPE,
    description:
      "Users and unscoped API keys choose it (default global); a scoped key's knowledge bases are in its own scope.",
  })
  @OptionalNotNull()
  @IsScope()
  scope?: string;
}
