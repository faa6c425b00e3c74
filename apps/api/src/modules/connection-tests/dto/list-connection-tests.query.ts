import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  CONNECTION_TEST_JOB_STATUSES,
  CONNECTION_TEST_TRIGGERS,
  type ConnectionTestJobStatus,
  type ConnectionTestListQuery,
  type ConnectionTestTrigger,
} from '@llm-registry/contracts';
import { PageQueryDto } from '../../../common/openapi/page-query.dto';
import { IsOneOf } from '../../../common/validation/validators';

/** Newest first. */
export class ListConnectionTestsQueryDto
  extends PageQueryDto
  implements ConnectionTestListQuery
{
  @ApiPropertyOptional({ enum: CONNECTION_TEST_JOB_STATUSES })
  @IsOptional()
  @IsOneOf(CONNECTION_TEST_JOB_STATUSES)
  status?: ConnectionTestJobStatus;

  @ApiPropertyOptional({ enum: CONNECTION_TEST_TRIGGERS })
  @IsOptional()
  @IsOneOf(CONNECTION_TEST_TRIGGERS)
  trigger?: ConnectionTestTrigger;
}
