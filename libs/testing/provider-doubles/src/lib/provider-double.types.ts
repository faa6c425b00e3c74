export type DoubleProvider =
  | 'openai'
  | 'openai_compatible'
  | 'anthropic'
  | 'gemini'
  | 'cohere'
  | 'ollama';

/** A model the double serves. Each provider shows only the fields its wire format has. */
export interface DoubleModel {
  id: string;
  /** Anthropic max_input_tokens, Gemini inputTokenLimit, Cohere context_length, vLLM max_model_len, Ollama `<arch>.context_length`. */
  contextWindow?: number;
  /** Ollama `<arch>.embedding_length`. */
  embeddingLength?: number;
  /** What the model does; default 'chat'. 'other' is none of the registry's types (images, speech…). */
  kind?: 'chat' | 'embedding' | 'rerank' | 'other';
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
}
