import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  KNOWLEDGE_BASE_SORT_FIELDS,
  type KnowledgeBaseListQuery,
  type KnowledgeBaseSortField,
  type SortDirection,
} from '@llm-registry/contracts';
import { PageQueryDto } from '../../../common/openapi/page-query.dto';
import {
  IsOneOf,
  IsScope,
  IsUuid,
  ToBoolean,
  Trim,
} from '../../../common/validation/validators';

export class ListKnowledgeBasesQueryDto
  extends PageQueryDto
  implements KnowledgeBaseListQuery
{
  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the id or name.',
    example: 'faq',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'team-search' })
  @IsOptional()
  @IsScope()
  scope?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only those bound to this model.',
  })
  @IsOptional()
  @IsUuid()
  modelId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only those bound to a deprecated model.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  toMigrate?: boolean;

  @ApiPropertyOptional({ enum: KNOWLEDGE_BASE_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsOneOf(KNOWLEDGE_BASE_SORT_FIELDS)
  sort?: KnowledgeBaseSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsOneOf(['asc', 'desc'])
  order?: SortDirection;
}
