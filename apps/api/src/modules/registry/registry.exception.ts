import { type FieldError } from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';

export enum RegistryErrorCode {
  ModelNotFound = 'MODEL_NOT_FOUND',
  DefaultNotFound = 'DEFAULT_MODEL_NOT_FOUND',
  NameTaken = 'MODEL_NAME_TAKEN',
  VersionConflict = 'VERSION_CONFLICT',
  VersionRequired = 'VERSION_REQUIRED',
  NotActive = 'MODEL_NOT_ACTIVE',
}

const STATUS: Record<RegistryErrorCode, number> = {
  [RegistryErrorCode.ModelNotFound]: 404,
  [RegistryErrorCode.DefaultNotFound]: 404,
  [RegistryErrorCode.NameTaken]: 409,
  [RegistryErrorCode.VersionConflict]: 409,
  [RegistryErrorCode.VersionRequired]: 428,
  [RegistryErrorCode.NotActive]: 409,
};

const TITLE: Record<RegistryErrorCode, string> = {
  [RegistryErrorCode.ModelNotFound]: 'Model not found',
  [RegistryErrorCode.DefaultNotFound]: 'No default model',
  [RegistryErrorCode.NameTaken]: 'Name already taken',
  [RegistryErrorCode.VersionConflict]: 'Stale version',
  [RegistryErrorCode.VersionRequired]: 'Version required',
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

  static versionConflict(current: number, sent: number): RegistryException {
    return new RegistryException(
      RegistryErrorCode.VersionConflict,
      `The model was changed by someone else (version ${current}, you sent ${sent}). Reload it and apply your change again.`,
      [
        {
          field: 'version',
          message: `is stale; current version is ${current}`,
        },
      ],
    );
  }
}
