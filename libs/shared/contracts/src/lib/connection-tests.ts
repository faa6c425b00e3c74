/** Why a connection probe failed; `null` on a result that passed. */
export const PROBE_CATEGORIES = [
  'auth',
  'not_found',
  'rate_limited',
  'quota',
  'timeout',
  'network',
  'bad_response',
  'dimension_mismatch',
  'unsupported',
] as const;
export type ProbeCategory = (typeof PROBE_CATEGORIES)[number];

/** What one call to a model told us about its connection. */
export interface ProbeResult {
  status: 'passed' | 'failed';
  /** null when passed. */
  category: ProbeCategory | null;
  /** A human sentence: never a secret or a stack. */
  message: string;
  latencyMs: number;
  details: {
    /** The model name the provider answered with. */
    modelEchoed?: string;
    /** The length of the vector an embedding model returned. */
    dimensions?: number;
    /** The model's `dimensions` param, when set. */
    expectedDimensions?: number;
    outputTokens?: number;
    documentsRanked?: number;
  };
}
