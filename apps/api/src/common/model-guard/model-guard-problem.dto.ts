import { ApiProperty } from '@nestjs/swagger';
import { type ModelGuardProblemExtension } from '@llm-registry/contracts';
import { ModelDependentDto } from '../openapi/model-dependent.dto';
import { ProblemDto } from '../openapi/problem.dto';

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
