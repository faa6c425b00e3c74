import { MODEL_CAPABILITIES, MODEL_TYPES, PROVIDER_IDS } from '../domain';
import type { ModelType, ProviderId } from '../domain';
import type {
  ConnectionFieldSpec,
  ParamOverride,
  ParamSpec,
  ProviderCatalogEntry,
  ProviderSpec,
} from './catalog.types';
import { MODEL_TYPE_PARAMS } from './param-specs';

function baseUrlField(
  options: Pick<ConnectionFieldSpec, 'required'> &
    Partial<Pick<ConnectionFieldSpec, 'default' | 'envVar' | 'help'>>,
): ConnectionFieldSpec {
  return {
    key: 'baseUrl',
    label: 'Base URL',
    kind: 'url',
    secret: false,
    help: 'API endpoint; leave empty to use the default.',
    ...options,
  };
}

function apiKeyField(
  options: Pick<ConnectionFieldSpec, 'required'> &
    Partial<Pick<ConnectionFieldSpec, 'envVar' | 'help'>>,
): ConnectionFieldSpec {
  return {
    key: 'apiKey',
    label: 'API key',
    kind: 'secret',
    secret: true,
    help: 'Key sent with every request to the provider.',
    ...options,
  };
}

function awsSecretField(
  key: string,
  label: string,
  envVar: string,
): ConnectionFieldSpec {
  return {
    key,
    label,
    kind: 'secret',
    required: false,
    secret: true,
    envVar,
    help: 'Leave empty to use the default AWS credential chain.',
  };
}

/** Anthropic and Cohere cap temperature at 1; NER models sample like generation models. */
function temperatureUpToOne(
  defaultValue: number,
  help: string,
): ProviderSpec['paramOverrides'] {
  const overrides = { temperature: { max: 1, default: defaultValue, help } };
  return { generation: overrides, ner: overrides };
}

const ALL_BUT_RERANK: readonly ModelType[] = ['embedding', 'generation', 'ner'];

// Every provider's API exposes all of these; which ones a given model has is recorded on the model.
const ALL_CAPABILITIES = MODEL_CAPABILITIES;

const SPECS: Record<ProviderId, Omit<ProviderSpec, 'id'>> = {
  openai: {
    label: 'OpenAI',
    description: 'OpenAI platform API (GPT and text-embedding models).',
    modelTypes: ALL_BUT_RERANK,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: ['https://api.openai.com'],
    connectionFields: [
      baseUrlField({ required: false, default: 'https://api.openai.com/v1' }),
      apiKeyField({ required: true, envVar: 'OPENAI_API_KEY' }),
      {
        key: 'organization',
        label: 'Organization',
        kind: 'string',
        required: false,
        secret: false,
        envVar: 'OPENAI_ORG_ID',
        help: 'OpenAI organization ID to bill; leave empty for the key’s default.',
      },
    ],
  },
  azure_openai: {
    label: 'Azure OpenAI',
    description: 'OpenAI models deployed in an Azure OpenAI resource.',
    modelTypes: ALL_BUT_RERANK,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: [
      'https://*.openai.azure.com',
      'https://*.cognitiveservices.azure.com',
    ],
    connectionFields: [
      baseUrlField({
        required: true,
        envVar: 'AZURE_OPENAI_ENDPOINT',
        help: 'Resource endpoint, e.g. https://<resource>.openai.azure.com',
      }),
      apiKeyField({ required: true, envVar: 'AZURE_OPENAI_API_KEY' }),
      {
        key: 'apiVersion',
        label: 'API version',
        kind: 'string',
        required: false,
        secret: false,
        default: '2024-10-21',
        help: 'Leave empty to use the v1 API; the model name is the deployment name.',
      },
    ],
  },
  anthropic: {
    label: 'Anthropic',
    description: 'Anthropic Messages API (Claude models).',
    modelTypes: ['generation', 'ner'],
    capabilities: ALL_CAPABILITIES,
    officialOrigins: ['https://api.anthropic.com'],
    connectionFields: [
      baseUrlField({ required: false, default: 'https://api.anthropic.com' }),
      apiKeyField({ required: true, envVar: 'ANTHROPIC_API_KEY' }),
    ],
    paramOverrides: temperatureUpToOne(
      1,
      'Sampling randomness; Anthropic accepts 0 to 1.',
    ),
  },
  gemini: {
    label: 'Google Gemini',
    description: 'Google Gemini API (Gemini and Gemini embedding models).',
    modelTypes: ALL_BUT_RERANK,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: ['https://generativelanguage.googleapis.com'],
    connectionFields: [
      baseUrlField({
        required: false,
        default: 'https://generativelanguage.googleapis.com/v1beta',
      }),
      apiKeyField({ required: true, envVar: 'GOOGLE_API_KEY' }),
    ],
  },
  cohere: {
    label: 'Cohere',
    description: 'Cohere API (Command, Embed and Rerank models).',
    modelTypes: MODEL_TYPES,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: ['https://api.cohere.com', 'https://api.cohere.ai'],
    connectionFields: [
      baseUrlField({ required: false, default: 'https://api.cohere.com' }),
      apiKeyField({ required: true, envVar: 'COHERE_API_KEY' }),
    ],
    paramOverrides: temperatureUpToOne(
      0.3,
      'Sampling randomness; Cohere accepts 0 to 1.',
    ),
  },
  ollama: {
    label: 'Ollama',
    description:
      'Models served by a local or remote Ollama server, or Ollama Cloud.',
    modelTypes: ALL_BUT_RERANK,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: ['https://ollama.com'],
    connectionFields: [
      baseUrlField({
        required: true,
        default: 'http://localhost:11434',
        envVar: 'OLLAMA_BASE_URL',
        help: 'Address of the Ollama server.',
      }),
      apiKeyField({
        required: false,
        envVar: 'OLLAMA_API_KEY',
        help: 'Only needed for Ollama Cloud.',
      }),
    ],
  },
  bedrock: {
    label: 'AWS Bedrock',
    description:
      'Foundation models on Amazon Bedrock (Converse, embedding and rerank APIs).',
    modelTypes: MODEL_TYPES,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: [
      'https://bedrock-runtime.*.amazonaws.com',
      'https://bedrock.*.amazonaws.com',
      'https://bedrock-agent-runtime.*.amazonaws.com',
    ],
    connectionFields: [
      {
        key: 'region',
        label: 'Region',
        kind: 'string',
        required: true,
        secret: false,
        default: 'us-east-1',
        envVar: 'AWS_REGION',
        help: 'AWS region the models are enabled in.',
      },
      awsSecretField('accessKeyId', 'Access key ID', 'AWS_ACCESS_KEY_ID'),
      awsSecretField(
        'secretAccessKey',
        'Secret access key',
        'AWS_SECRET_ACCESS_KEY',
      ),
      awsSecretField('sessionToken', 'Session token', 'AWS_SESSION_TOKEN'),
      baseUrlField({
        required: false,
        help: 'Endpoint override, e.g. a VPC endpoint; leave empty for the regional default.',
      }),
    ],
  },
  fireworks: {
    label: 'Fireworks AI',
    description:
      'Fireworks AI serverless and dedicated inference (OpenAI-compatible API).',
    modelTypes: ALL_BUT_RERANK,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: ['https://api.fireworks.ai'],
    connectionFields: [
      baseUrlField({
        required: false,
        default: 'https://api.fireworks.ai/inference/v1',
      }),
      apiKeyField({ required: true, envVar: 'FIREWORKS_API_KEY' }),
    ],
  },
  openai_compatible: {
    label: 'OpenAI-compatible server',
    description:
      'Any server speaking the OpenAI /v1 API: LM Studio, vLLM, TGI and the like.',
    modelTypes: MODEL_TYPES,
    capabilities: ALL_CAPABILITIES,
    officialOrigins: [],
    connectionFields: [
      baseUrlField({
        required: true,
        envVar: 'OPENAI_COMPATIBLE_BASE_URL',
        help: 'Server endpoint including /v1, e.g. http://localhost:8000/v1',
      }),
      apiKeyField({
        required: false,
        envVar: 'OPENAI_COMPATIBLE_API_KEY',
        help: 'Only if the server requires a key.',
      }),
    ],
  },
};

/** Every provider, in `PROVIDER_IDS` order. */
export const PROVIDER_CATALOG: readonly ProviderSpec[] = PROVIDER_IDS.map(
  (id) => ({ id, ...SPECS[id] }),
);

export function getProviderSpec(id: ProviderId): ProviderSpec {
  const spec = PROVIDER_CATALOG.find((candidate) => candidate.id === id);
  // Callers may pass unchecked input from JavaScript or an HTTP body.
  if (!spec) {
    throw new Error(`Unknown provider: ${String(id)}`);
  }
  return spec;
}

export function providerServesType(id: ProviderId, type: ModelType): boolean {
  return getProviderSpec(id).modelTypes.includes(type);
}

/** The type's shared param specs with the provider's overrides merged in; `[]` if the provider does not serve the type. */
export function paramSpecsFor(id: ProviderId, type: ModelType): ParamSpec[] {
  const spec = getProviderSpec(id);
  if (!spec.modelTypes.includes(type)) {
    return [];
  }
  const overrides: Record<string, ParamOverride> =
    spec.paramOverrides?.[type] ?? {};
  return MODEL_TYPE_PARAMS[type].map((param) => ({
    ...param,
    ...overrides[param.key],
  }));
}

export function buildProviderCatalog(): ProviderCatalogEntry[] {
  return PROVIDER_CATALOG.map((spec) => ({
    ...spec,
    params: Object.fromEntries(
      spec.modelTypes.map((type) => [type, paramSpecsFor(spec.id, type)]),
    ),
  }));
}
