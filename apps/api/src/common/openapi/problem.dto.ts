import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type FieldError, type ProblemDetails } from '@llm-registry/contracts';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'params.temperature' })
  field!: string;

  @ApiProperty({ example: 'must be between 0 and 2' })
  message!: string;
}

export class ProblemDto implements ProblemDetails {
  @ApiProperty({ example: 'urn:llm-registry:problem:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'params.temperature must be between 0 and 2' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/admin/models' })
  instance?: string;

  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description: 'Stable machine-readable code.',
  })
  code!: string;

  @ApiProperty({
    example: '8d6b2c1e-3f4a-4b5c-9d8e-7f6a5b4c3d2e',
    description: 'Also sent as the X-Correlation-Id header.',
  })
  correlationId!: string;

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    description: 'One entry per invalid field (validation errors only).',
  })
  errors?: FieldErrorDto[];
}
