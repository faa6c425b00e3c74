import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  MAX_IMPORT_MODELS,
  MODEL_TYPES,
  type ImportItemResult,
  type ImportModelItem,
  type ImportModelsRequest,
  type ImportModelsResponse,
  type ModelType,
} from '@llm-registry/contracts';
import { OptionalNotNull } from '../../../common/validation/optional';
import { IsOneOf, IsScope, Trim } from '../../../common/validation/validators';

class ImportModelItemDto implements ImportModelItem {
  @ApiProperty({ example: 'llama3.2:latest' })
  @IsString()
  @Length(1, 300)
  modelName!: string;

  @ApiPropertyOptional({
    example: 'Llama 3.2',
    description: 'Defaults to modelName.',
  })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    enum: MODEL_TYPES,
    description: 'Overrides the guessed type.',
  })
  @OptionalNotNull()
  @IsOneOf(MODEL_TYPES)
  type?: ModelType;
}

export class ImportModelsDto implements ImportModelsRequest {
  @ApiProperty({ type: [ImportModelItemDto], maxItems: MAX_IMPORT_MODELS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_MODELS)
  @ValidateNested({ each: true })
  @Type(() => ImportModelItemDto)
  models!: ImportModelItemDto[];

  @ApiPropertyOptional({
    enum: ['active', 'inactive'],
    default: 'inactive',
    description: 'Imported models start inactive unless you say otherwise.',
  })
  @OptionalNotNull()
  @IsOneOf(['active', 'inactive'])
  status?: 'active' | 'inactive';

  @ApiPropertyOptional({ default: 'global', example: 'team-search' })
  @OptionalNotNull()
  @IsScope()
  scope?: string;
}

class ImportItemResultDto implements ImportItemResult {
  @ApiProperty() modelName!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ example: 201 }) status!: number;
  @ApiPropertyOptional({ format: 'uuid' }) modelId?: string;
  @ApiPropertyOptional() error?: string;
}

export class ImportModelsResponseDto implements ImportModelsResponse {
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportItemResultDto] }) results!: ImportItemResultDto[];
}
