import { LiteLLMError } from './litellm/litellm-error';
import { type LiteLLMClient } from './litellm/litellm.client';
import { type LiteLLMDeployment } from './litellm/litellm-wire';

/** What LiteLLM needs for one model to match: `missing` is created, `patch` updated, `replace` re-created. */
export type Repair = 'missing' | 'patch' | 'replace';

/** The writes that repair a deployment, each safe to repeat. Shared by model jobs and reconcile. */
export async function repairDeployment(
  client: LiteLLMClient,
  repair: Repair,
  deployment: LiteLLMDeployment,
): Promise<void> {
  switch (repair) {
    case 'missing':
      return createDeployment(client, deployment);
    case 'patch':
      return updateDeployment(client, deployment);
    case 'replace':
      // PATCH cannot remove a param; delete and create again (a brief gap for this one model).
      await client.remove(deployment.model_info.id);
      return createDeployment(client, deployment);
  }
}

/**
 * A 500 from `/model/new` may still have saved the row (§1): "saved but not live" says so, and counts
 * as done. Any other 500 (a duplicate id, say) is looked up before a retry; found, our values are
 * PATCHed over it. Not listed may still mean stored, in a pod that does not serve it yet, so a PATCH
 * is tried too: only its "not found" proves the create failed, and the create's error is thrown to retry.
 */
async function createDeployment(
  client: LiteLLMClient,
  deployment: LiteLLMDeployment,
): Promise<void> {
  try {
    await client.create(deployment);
  } catch (error) {
    if (!(error instanceof LiteLLMError) || error.status !== 500) throw error;
    if (error.savedButNotLive) return;
    const found = await client.findDeployment(deployment.model_info.id);
    try {
      await patch(client, deployment);
    } catch (patchError) {
      if (!found && patchError instanceof LiteLLMError && patchError.notFound)
        throw error;
      throw patchError;
    }
  }
}

/** An id LiteLLM does not know (deleted behind our back) is created instead. */
async function updateDeployment(
  client: LiteLLMClient,
  deployment: LiteLLMDeployment,
): Promise<void> {
  try {
    await patch(client, deployment);
  } catch (error) {
    if (error instanceof LiteLLMError && error.notFound)
      return createDeployment(client, deployment);
    throw error;
  }
}

/** PATCH, done once LiteLLM stored it, live in the answering pod or not. */
async function patch(
  client: LiteLLMClient,
  deployment: LiteLLMDeployment,
): Promise<void> {
  try {
    await client.update(deployment);
  } catch (error) {
    if (error instanceof LiteLLMError && error.savedButNotLive) return;
    throw error;
  }
}
