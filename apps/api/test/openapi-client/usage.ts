/**
 * Compiles only when a client generated from the OpenAPI document (openapi-typescript) types the API as
 * it behaves: the contracts' requests fit its bodies, its answers fit the contracts, and secrets are
 * write-only strings. `nx run api:openapi-lint` generates the client and type-checks this; nothing runs.
 * The client is generated with `--default-non-nullable false`: the server fills in a default, so a field
 * that has one stays optional to send.
 */
import type { paths } from '@llm-registry/openapi-client';
import type {
  CreateModelRequest,
  CreateProviderConnectionRequest,
  Model,
  ModelType,
  ProblemDetails,
  ProviderConnection,
  PublicModel,
  UpdateProviderConnectionRequest,
} from '@llm-registry/contracts';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;
type Expect<T extends true> = T;

type JsonBody<Operation> = Operation extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
type Answer<
  Operation,
  Status extends number,
  Media extends string = 'application/json',
> = Operation extends {
  responses: { [S in Status]: { content: { [M in Media]: infer Body } } };
}
  ? Body
  : never;

type ModelsAdmin = paths['/api/v1/admin/models'];
type Connections = paths['/api/v1/admin/providers'];
type Connection = paths['/api/v1/admin/providers/{id}'];
type DefaultModel = paths['/api/v1/models/{type}/default']['get'];

type CreateConnectionBody = JsonBody<Connections['post']>;
type UpdateConnectionBody = JsonBody<Connection['patch']>;
type ConnectionAnswer = Answer<Connections['post'], 201>;
type ConnectionListItem = Answer<Connections['get'], 200>['items'][number];
type SecretField =
  | 'apiKey'
  | 'accessKeyId'
  | 'secretAccessKey'
  | 'sessionToken';

export type Checks = [
  // Secrets are strings a client sends (null clears one) ...
  Expect<Equal<CreateConnectionBody['apiKey'], string | null | undefined>>,
  Expect<
    Equal<CreateConnectionBody['secretAccessKey'], string | null | undefined>
  >,
  Expect<Equal<UpdateConnectionBody['apiKey'], string | null | undefined>>,
  // ... and never reads back.
  Expect<Equal<Extract<keyof ConnectionAnswer, SecretField>, never>>,
  Expect<Equal<Extract<keyof ConnectionListItem, SecretField>, never>>,
  Expect<Equal<ConnectionAnswer['secretHint'], string | null>>,
  // Nullable model fields keep their scalar type.
  Expect<
    Equal<
      JsonBody<ModelsAdmin['post']>['inputPricePerMillion'],
      number | null | undefined
    >
  >,
  Expect<
    Equal<
      JsonBody<ModelsAdmin['post']>['description'],
      string | null | undefined
    >
  >,
  // The public default-model route takes exactly the model types, and says 404 as a problem.
  Expect<Equal<DefaultModel['parameters']['path']['type'], ModelType>>,
  Expect<
    Equal<
      keyof Answer<DefaultModel, 404, 'application/problem+json'>,
      keyof ProblemDetails
    >
  >,
];

/** What the admin app sends is what the document accepts. */
export function connectionBody(
  request: CreateProviderConnectionRequest,
): CreateConnectionBody {
  return request;
}

export function connectionUpdateBody(
  request: UpdateProviderConnectionRequest,
): UpdateConnectionBody {
  return request;
}

export function modelBody(
  request: CreateModelRequest,
): JsonBody<ModelsAdmin['post']> {
  return request;
}

/** What the document promises is what the contracts describe. */
export function connection(answer: ConnectionAnswer): ProviderConnection {
  return answer;
}

export function model(answer: Answer<ModelsAdmin['post'], 201>): Model {
  return answer;
}

export function defaultModel(answer: Answer<DefaultModel, 200>): PublicModel {
  return answer;
}

export function problem(
  answer: Answer<DefaultModel, 404, 'application/problem+json'>,
): ProblemDetails {
  return answer;
}

export const openAiConnection: CreateConnectionBody = {
  name: 'OpenAI production',
  provider: 'openai',
  apiKey: 'sk-proj-example',
};

export const notAStringSecret: CreateConnectionBody = {
  name: 'OpenAI production',
  provider: 'openai',
  // @ts-expect-error a secret is a string, never an object
  apiKey: { value: 'sk-proj-example' },
};
