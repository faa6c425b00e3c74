/**
 * A LiteLLM proxy with STORE_MODEL_IN_DB=True, as /work/shared/reference/litellm-proxy-api.md describes
 * it, quirks included: a duplicate id on /model/new is a 500, deleting an unknown id a 400, PATCH merges
 * (null deletes nothing), listings come from the answering pod's router (a row saved but not live there
 * is not listed), drop or mask credentials (and anything named like one) and merge in cost-map fields
 * and defaults, /v2/model/info pages, config-file models cannot be changed through the API. Every call
 * is recorded.
 */
export interface LiteLLMDouble {
  url: string;
  masterKey: string;
  /** Every model-management call, in order (health and control routes left out). */
  calls: RecordedCall[];
  /** The proxy's table by `model_info.id`, values in clear: tests change it behind the registry's back. */
  deployments: Map<string, StoredDeployment>;
  /** Added to every answer. */
  latencyMs: number;
  /** Answers every write with this status, applying nothing; null: writes work. */
  failWrites: number | null;
  /** `refused`: nothing listens; 503: everything answers 503. */
  down(mode?: 'refused' | 503): Promise<void>;
  up(): Promise<void>;
  /**
   * The next /model/new saves the row and answers 500 "saved, but not live in this pod's router": the
   * row is not listed until the router reloads (reloadRouter) or a PATCH reloads it.
   */
  failNextCreateSavedButNotLive(): void;
  /** The answering pod stops serving a stored row, as a pod that has not reloaded yet would. */
  hideFromRouter(id: string): void;
  /** The router's reload job ran: every stored row is live. */
  reloadRouter(): void;
  /** An older proxy: no /v2/model/info (404), everything from /model/info. */
  withoutV2Listing: boolean;
  /** False: the proxy lost its database; readiness says so and writes answer 500 "No DB Connected". */
  dbConnected: boolean;
  /** Holds every /model/new until the returned function is called; `heldCreates` counts the waiting. */
  holdCreates(): () => void;
  heldCreates: number;
  reads(): number;
  writes(): number;
  close(): Promise<void>;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface StoredDeployment {
  model_name: string;
  litellm_params: Record<string, unknown>;
  model_info: Record<string, unknown>;
  /** From the proxy's config.yaml, not its database: listed with db_model false, not editable (§3, §4). */
  config?: boolean;
}

export interface LiteLLMDoubleOptions {
  masterKey?: string;
  latencyMs?: number;
  port?: number;
  /** Errors quote the request they answer, credentials included, as careless proxies do. */
  echoRequestInErrors?: boolean;
}
