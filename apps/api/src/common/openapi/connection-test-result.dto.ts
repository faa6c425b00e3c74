import { ApiProperty } from '@nestjs/swagger';
import {
  CONNECTION_TEST_STATUSES,
  PROBE_CATEGORIES,
  type ConnectionTestResult,
  type ConnectionTestStatus,
  type ProbeCategory,
} from '@llm-registry/contracts';

/** The latest finished test, as models and connections carry it. */
export class ConnectionTestResultDto implements ConnectionTestResult {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  testId!: string | null;
  @ApiProperty({ enum: CONNECTION_TEST_STATUSES })
  status!: ConnectionTestStatus;
  @ApiProperty({ enum: PROBE_CATEGORIES, nullable: true })
  category!: ProbeCategory | null;
  @ApiProperty({ format: 'date-time' }) testedAt!: string;
  @ApiProperty({ nullable: true, type: Number, example: 182 })
  latencyMs!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'The model answered' })
  message!: string | null;
}
