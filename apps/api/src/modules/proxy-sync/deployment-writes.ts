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
 * A 500 from `/model/new` may still have saved the row (a duplicate id, or "saved but not live", §1):
 * look before retrying, and if it is there, PATCH our values over whatever it holds.
 */
async function createDeployment(
  client: LiteLLMClient,
  deployment: LiteLLMDeployment,
): Promise<void> {
  try {
    await client.create(deployment);
  } catch (error) {
    if (!(error instanceof LiteLLMError) || error.status !== 500) throw error;
    if (!(await client.findDeployment(deployment.model_info.id))) throw error;
    await client.update(deployment);
  }
}

/** An id LiteLLM does not know (deleted behind our back) is created instead. */
async function updateDeployment(
  client: LiteLLMClient,
  deployment: LiteLLMDeployment,
): Promise<void> {
  try {
    await client.update(deployment);
  } catch (error) {
    if (error instanceof LiteLLMError && error.notFound)
      return createDeployment(client, deployment);
    throw error;
  }
}
