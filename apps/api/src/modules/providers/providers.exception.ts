import { type FieldError } from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';

export enum ProvidersErrorCode {
  ConnectionNotFound = 'CONNECTION_NOT_FOUND',
  NameTaken = 'CONNECTION_NAME_TAKEN',
  InUse = 'CONNECTION_IN_USE',
  CredentialUnset = 'CREDENTIAL_ENV_UNSET',
  CredentialOriginRefused = 'CREDENTIAL_ORIGIN_REFUSED',
  DiscoveryUnsupported = 'DISCOVERY_UNSUPPORTED',
  ProviderFailed = 'PROVIDER_REQUEST_FAILED',
}

const STATUS: Record<ProvidersErrorCode, number> = {
  [ProvidersErrorCode.ConnectionNotFound]: 404,
  [ProvidersErrorCode.NameTaken]: 409,
  [ProvidersErrorCode.InUse]: 409,
  [ProvidersErrorCode.CredentialUnset]: 422,
  [ProvidersErrorCode.CredentialOriginRefused]: 400,
  [ProvidersErrorCode.DiscoveryUnsupported]: 422,
  [ProvidersErrorCode.ProviderFailed]: 502,
};

const TITLE: Record<ProvidersErrorCode, string> = {
  [ProvidersErrorCode.ConnectionNotFound]: 'Connection not found',
  [ProvidersErrorCode.NameTaken]: 'Name already taken',
  [ProvidersErrorCode.InUse]: 'Connection in use',
  [ProvidersErrorCode.CredentialUnset]: 'Credential not set',
  [ProvidersErrorCode.CredentialOriginRefused]: 'Credential not sent there',
  [ProvidersErrorCode.DiscoveryUnsupported]: 'Discovery not supported',
  [ProvidersErrorCode.ProviderFailed]: 'Provider request failed',
};

export class ProvidersException extends ProblemException {
  constructor(code: ProvidersErrorCode, detail: string, errors?: FieldError[]) {
    super(STATUS[code], code, TITLE[code], detail, errors);
  }

  static notFound(id: string): ProvidersException {
    return new ProvidersException(
      ProvidersErrorCode.ConnectionNotFound,
      `No provider connection with id ${id}.`,
    );
  }

  static nameTaken(name: string): ProvidersException {
    return new ProvidersException(
      ProvidersErrorCode.NameTaken,
      `A provider connection named "${name}" already exists.`,
      [{ field: 'name', message: 'is already used' }],
    );
  }

  static inUse(name: string, models: number): ProvidersException {
    return new ProvidersException(
      ProvidersErrorCode.InUse,
      `${models} model${models === 1 ? ' uses' : 's use'} ${name}. Attach them to another connection or delete them first.`,
    );
  }
}
