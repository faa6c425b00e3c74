import type { ProbeResult } from '@llm-registry/contracts';
import { getProviderSpec } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import {
  defaultProviderEgress,
  type ProviderEgress,
} from '../egress/provider-egress';
import { withGlobalFetch } from '../egress/scoped-global-fetch';
import { withDocumentedErrors } from '../http/documented-errors';
import { ProviderRequestError } from '../http/provider-request-error';
import {
  createChatModel,
  createEmbeddings,
  createReranker,
  supportsType,
} from '../langchain/create-langchain-model';
import type { BuildOptions, ModelRef } from '../langchain/langchain-adapter';
import { numberParam } from '../langchain/model-params';
import { classifyProviderError } from './classify-provider-error';

export interface ProbeOptions {
  /** The deadline for the whole probe; default 20000. */
  timeoutMs?: number;
  /** Aborting it rejects the probe with the signal's reason. */
  signal?: AbortSignal;
  /** How the probe reaches the provider; default: the default egress policy. */
  egress?: ProviderEgress;
}

const DEFAULT_TIMEOUT_MS = 20_000;
export const PROBE_PROMPT = 'Reply with the single word: pong';
/** Enough for a reasoning model to answer at all; a lower max_output_tokens is kept, down to the floor. */
const MAX_PROBE_TOKENS = 64;
const MIN_PROBE_TOKENS = 16;
export const EMBEDDING_PROBE_TEXT = 'connection test';
export const RERANK_PROBE_QUERY = 'which is about cats';
export const RERANK_PROBE_DOCUMENTS = ['cats purr', 'dogs bark'];

type Details = ProbeResult['details'];

/** A probe's result, and whether a failure is worth retrying (rate limits, timeouts, network, 5xx). */
export interface ProbeOutcome extends ProbeResult {
  transient: boolean;
}
/** Runs one provider call under the probe's deadline (building the client is not timed). */
type Deadline = <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<T>;
/** What a probe found out: passed with details, or failed for a reason of its own. */
type Outcome =
  | { passed: true; message: string; details: Details }
  | {
      passed: false;
      category: 'bad_response' | 'dimension_mismatch';
      message: string;
      details: Details;
    };

/**
 * Calls the model once through LangChain (no retries) and tells whether the connection works.
 * Provider failures become failed results; only the caller's own abort rejects.
 */
export async function probeModel(
  target: ConnectionTarget,
  model: ModelRef,
  options: ProbeOptions = {},
): Promise<ProbeOutcome> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!supportsType(target.provider, model.type)) {
    return {
      status: 'failed',
      category: 'unsupported',
      message: `${getProviderSpec(target.provider).label} ${model.type} models cannot be probed`,
      latencyMs: latencyMs(),
      details: {},
      transient: false,
    };
  }
  try {
    options.signal?.throwIfAborted();
    const within: Deadline = (call) =>
      withDeadline(call, timeoutMs, options.signal);
    const egress = options.egress ?? defaultProviderEgress();
    // Google's SDK calls the global fetch: inside the probe, that is the provider fetch too.
    const outcome = await withGlobalFetch(
      withDocumentedErrors(target.provider, egress.fetch),
      () =>
        runProbe(target, model, { maxRetries: 0, timeoutMs, egress }, within),
    );
    return outcome.passed
      ? {
          status: 'passed',
          category: null,
          message: outcome.message,
          latencyMs: latencyMs(),
          details: outcome.details,
          transient: false,
        }
      : {
          status: 'failed',
          category: outcome.category,
          message: outcome.message,
          latencyMs: latencyMs(),
          details: outcome.details,
          transient: false,
        };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const { category, message, transient } = classifyProviderError(
      error,
      Object.values(target.credentials),
    );
    return {
      status: 'failed',
      category,
      message,
      latencyMs: latencyMs(),
      details: {},
      transient,
    };
  }
}

function runProbe(
  target: ConnectionTarget,
  model: ModelRef,
  build: BuildOptions,
  within: Deadline,
): Promise<Outcome> {
  switch (model.type) {
    case 'generation':
    case 'ner':
      return probeChat(target, model, build, within);
    case 'embedding':
      return probeEmbeddings(target, model, build, within);
    case 'rerank':
      return probeReranker(target, model, build, within);
  }
}

async function probeChat(
  target: ConnectionTarget,
  model: ModelRef,
  build: BuildOptions,
  within: Deadline,
): Promise<Outcome> {
  const maxOutputTokens = numberParam(model, 'max_output_tokens');
  const budget = Math.max(
    MIN_PROBE_TOKENS,
    Math.min(MAX_PROBE_TOKENS, maxOutputTokens ?? MAX_PROBE_TOKENS),
  );
  const chat = await createChatModel(
    target,
    { ...model, params: { ...model.params, max_output_tokens: budget } },
    build,
  );
  // The text is not checked: a reasoning model may spend the whole budget thinking and answer "".
  const response = await within((signal) =>
    chat.invoke(PROBE_PROMPT, { signal }),
  );
  const metadata = response.response_metadata ?? {};
  // ChatCohere reports a body it could not parse in the metadata instead of throwing.
  if (metadata['ok'] === false) {
    return {
      passed: false,
      category: 'bad_response',
      message: 'The provider sent an answer that could not be read',
      details: {},
    };
  }
  const modelEchoed = [
    metadata['model_name'],
    metadata['model'],
    metadata['modelName'],
  ].find((name): name is string => typeof name === 'string' && name.length > 0);
  return {
    passed: true,
    message: 'The model answered',
    details: {
      ...(modelEchoed && { modelEchoed }),
      ...(response.usage_metadata && {
        outputTokens: response.usage_metadata.output_tokens,
      }),
    },
  };
}

async function probeEmbeddings(
  target: ConnectionTarget,
  model: ModelRef,
  build: BuildOptions,
  within: Deadline,
): Promise<Outcome> {
  const embeddings = await createEmbeddings(target, model, build);
  const vector: unknown = await within(() =>
    embeddings.embedQuery(EMBEDDING_PROBE_TEXT),
  );
  const expectedDimensions = numberParam(model, 'dimensions');
  if (
    !Array.isArray(vector) ||
    vector.length === 0 ||
    !vector.every(isFiniteNumber)
  ) {
    return {
      passed: false,
      category: 'bad_response',
      message: 'The provider sent no usable embedding vector',
      details: {},
    };
  }
  const details = {
    dimensions: vector.length,
    ...(expectedDimensions !== undefined && { expectedDimensions }),
  };
  return expectedDimensions === undefined ||
    vector.length === expectedDimensions
    ? {
        passed: true,
        message: `The model returned ${vector.length} dimensions`,
        details,
      }
    : {
        passed: false,
        category: 'dimension_mismatch',
        message: `expected ${expectedDimensions}, got ${vector.length}`,
        details,
      };
}

async function probeReranker(
  target: ConnectionTarget,
  model: ModelRef,
  build: BuildOptions,
  within: Deadline,
): Promise<Outcome> {
  const reranker = await createReranker(target, model, build);
  const results: unknown = await within(() =>
    reranker.rerank(RERANK_PROBE_QUERY, RERANK_PROBE_DOCUMENTS),
  );
  const documents = RERANK_PROBE_DOCUMENTS.length;
  const valid =
    Array.isArray(results) &&
    results.length === documents &&
    results.every(
      (result) =>
        isFiniteNumber(result?.relevanceScore) &&
        Number.isInteger(result?.index) &&
        result.index >= 0 &&
        result.index < documents,
    ) &&
    new Set(results.map((result) => result.index)).size === documents;
  return valid
    ? {
        passed: true,
        message: `The model ranked ${documents} documents`,
        details: { documentsRanked: documents },
      }
    : {
        passed: false,
        category: 'bad_response',
        message: 'The provider sent no usable ranking',
        details: {},
      };
}

/**
 * Runs `call` with a signal that aborts at the deadline, and settles by then whatever the client
 * does: the Gemini and Bedrock classes take no timeout and embedQuery/rerank take no signal.
 */
function withDeadline<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  outer: AbortSignal | undefined,
): Promise<T> {
  outer?.throwIfAborted();
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new ProviderRequestError(
        'timeout',
        `No answer within ${timeoutMs} ms`,
      );
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    const onAbort = () => {
      controller.abort(outer?.reason);
      reject(outer?.reason);
    };
    outer?.addEventListener('abort', onAbort, { once: true });
    call(controller.signal)
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onAbort);
      });
  });
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
