import { ApiProperty } from '@nestjs/swagger';
import { type ModelDeprecation } from '@llm-registry/contracts';

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
