import { ApiProperty } from '@nestjs/swagger';
import {
  CONNECTION_TEST_JOB_STATUSES,
  CONNECTION_TEST_SUBJECTS,
  CONNECTION_TEST_TRIGGERS,
  PROBE_CATEGORIES,
  type ConnectionTest,
  type ConnectionTestAccepted,
  type ConnectionTestJobStatus,
  type ConnectionTestSubject,
  type ConnectionTestTrigger,
  type Page,
  type ProbeCategory,
} from '@llm-registry/contracts';
import { PageMetaDto } from '../../../common/openapi/page-meta.dto';

export class ConnectionTestAcceptedDto implements ConnectionTestAccepted {
  @ApiProperty({
    format: 'uuid',
    description: 'Poll GET /api/v1/admin/connection-tests/{id} for the result.',
  })
  id!: string;
}

export class ConnectionTestDto implements ConnectionTest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONNECTION_TEST_JOB_STATUSES })
  status!: ConnectionTestJobStatus;
  @ApiProperty({
    enum: PROBE_CATEGORIES,
    nullable: true,
    description: 'Why it failed; null unless failed.',
  })
  category!: ProbeCategory | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'expected 1536, got 768',
    description: 'A human sentence, never a credential or a stack trace.',
  })
  message!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 182 })
  latencyMs!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { modelEchoed: 'gpt-4o-mini-2024-07-18', outputTokens: 2 },
    description:
      'modelEchoed, dimensions, expectedDimensions, outputTokens, documentsRanked, remoteModelCount, probedModelId, origin (where the call went: scheme, host, port), as they apply.',
  })
  details!: ConnectionTest['details'];
  @ApiProperty({ enum: CONNECTION_TEST_SUBJECTS })
  subject!: ConnectionTestSubject;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  modelId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  providerConnectionId!: string | null;
  @ApiProperty({ enum: CONNECTION_TEST_TRIGGERS })
  trigger!: ConnectionTestTrigger;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt!: string | null;
}

export class ConnectionTestPageDto
  extends PageMetaDto
  implements Page<ConnectionTest>
{
  @ApiProperty({ type: [ConnectionTestDto] }) items!: ConnectionTestDto[];
}
