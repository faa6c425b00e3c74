import {
  validateModelDefinition,
  type CreateModelRequest,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';

/** Type, provider and params must fit the catalogue, or 400 naming each bad field. */
export function assertValidDefinition(
  model: Pick<CreateModelRequest, 'provider' | 'type' | 'params'>,
): void {
  const errors = validateModelDefinition({
    provider: model.provider,
    type: model.type,
    params: model.params,
  });
  if (errors.length > 0) throw new ValidationProblem(errors);
}
