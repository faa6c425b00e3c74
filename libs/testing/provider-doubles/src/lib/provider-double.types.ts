export type DoubleProvider =
  | 'openai'
  | 'openai_compatible'
  | 'anthropic'
  | 'gemini'
  | 'cohere'
  | 'ollama';

export type ModelKind = 'chat' | 'embedding' | 'rerank' | 'other';

/**
 * How the double answers inference routes (chat, embeddings, rerank); model listing is not affected.
 * - `unauthorized`, `not_found`, `rate_limited` (with `retry-after: 1`), `quota`, `server_error`: the
 *   provider's real error for that case, whatever the request.
 * - `slow`: waits `slowMs`, then answers as `ok`.
 * - `malformed`: 200 with a body that is not valid JSON (or a stream with a broken event).
 * - `wrong_dimensions`: embeddings half as long as asked or configured.
 */
export type DoubleBehaviour =
  | 'ok'
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'quota'
  | 'slow'
  | 'malformed'
  | 'wrong_dimensions'
  | 'server_error';

/** A model the double serves. Each provider shows only the fields its wire format has. */
export interface DoubleModel {
  id: string;
  /** Anthropic max_input_tokens, Gemini inputTokenLimit, Cohere context_length, vLLM max_model_len, Ollama `<arch>.context_length`. */
  contextWindow?: number;
  /** Ollama `<arch>.embedding_length`; the length of the vectors every provider's embeddings return (default 8). */
  embeddingLength?: number;
  /** What the model does; default 'chat'. 'other' is none of the registry's types (images, speech…). */
  kind?: ModelKind;
  /** Anthropic display_name, Gemini displayName; default the id. */
  displayName?: string;
  /** The provider's own capability words: Ollama `capabilities` (completion, tools, vision, thinking…); Gemini 'thinking'. */
  capabilities?: string[];
}

export interface RecordedRequest {
  method: string;
  /** With the query. */
  path: string;
  /** Names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface ProviderDouble {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What a connection's baseUrl would be: `${url}/v1` (openai, openai_compatible), `${url}/v1beta` (gemini), else `url`. */
  baseUrl: string;
  /** Every request received, in order, refused ones included. */
  requests: RecordedRequest[];
  /** How inference routes answer from now on; change it while the server runs. */
  behaviour: DoubleBehaviour;
  /** Stops the server, cutting open connections and requests still waiting in `slow` mode. */
  close(): Promise<void>;
}

export interface ProviderDoubleOptions {
  /** When set, requests without it get the provider's real auth error. */
  apiKey?: string;
  /** Default: a chat and an embedding model per provider, and others where the provider lists them. */
  models?: DoubleModel[];
  /** The most models per page (anthropic, gemini, cohere), whatever the client asks for. */
  pageSize?: number;
  /**
   * Every request fails with the provider's real error shape (its auth error, else status 400) whose message
   * quotes the full request URL and all request headers verbatim, like a misbehaving upstream.
   */
  echoRequestInErrors?: boolean;
  /** How inference routes answer at first; default 'ok'. See `ProviderDouble.behaviour`. */
  behaviour?: DoubleBehaviour;
  /** How long `slow` mode waits before answering; default 5000 ms. */
  slowMs?: number;
}
