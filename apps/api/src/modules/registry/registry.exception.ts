import { type FieldError } from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';

export enum RegistryErrorCode {
  ModelNotFound = 'MODEL_NOT_FOUND',
  DefaultNotFound = 'DEFAULT_MODEL_NOT_FOUND',
  NameTaken = 'MODEL_NAME_TAKEN',
  NotActive = 'MODEL_NOT_ACTIVE',
}

const STATUS: Record<RegistryErrorCode, number> = {
  [RegistryErrorCode.ModelNotFound]: 404,
  [RegistryErrorCode.DefaultNotFound]: 404,
  [RegistryErrorCode.NameTaken]: 409,
  [RegistryErrorCode.NotActive]: 409,
};

const TITLE: Record<RegistryErrorCode, string> = {
  [RegistryErrorCode.ModelNotFound]: 'Model not found',
  [RegistryErrorCode.DefaultNotFound]: 'No default model',
  [RegistryErrorCode.NameTaken]: 'Name already taken',
  [RegistryErrorCode.NotActive]: 'Model not active',
};

export class RegistryException extends ProblemException {
  constructor(code: RegistryErrorCode, detail: string, errors?: FieldError[]) {
    super(STATUS[code], code, TITLE[code], detail, errors);
  }

  static notFound(id: string): RegistryException {
    return new RegistryException(
      RegistryErrorCode.ModelNotFound,
      `No model with id ${id}.`,
    );
  }
}
