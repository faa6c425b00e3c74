/**
 * Limits of the fields people type, shared so the API's validation and the admin app's forms
 * can never disagree.
 */

/** Display names: of models, connections, users and API keys. */
export const NAME_MAX_LENGTH = 200;
/** A model's id at its provider (an Azure deployment name, a Bedrock ARN…). */
export const MODEL_NAME_MAX_LENGTH = 300;
export const DESCRIPTION_MAX_LENGTH = 2000;
/** Lower is tried first in fallbacks. */
export const PRIORITY_LIMITS = { min: 0, max: 1_000_000 } as const;
export const PRICE_PER_MILLION_LIMITS = { min: 0, max: 1_000_000 } as const;
