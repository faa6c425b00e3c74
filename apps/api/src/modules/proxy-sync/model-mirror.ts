import { Injectable } from '@nestjs/common';
import { type ModelEntity } from '../registry/model.entity';
import { ModelReader } from '../registry/model-reader';
import { ABSENT_FINGERPRINT, driftOf } from './deployment';
import { repairDeployment } from './deployment-writes';
import { type Desired, DesiredDeployments } from './desired-deployments';
import { LiteLLMClients } from './litellm/litellm-clients';
import { LiteLLMError } from './litellm/litellm-error';
import { type LiteLLMClient } from './litellm/litellm.client';
import { MirrorStateRepository, outcomeOf } from './mirror-state.repository';

/**
 * One model's job: make LiteLLM hold what the registry says about it now (the job carries only the id,
 * so a model changed twice is mirrored as it is when the job runs). Registers a serving (active or deprecated) model (PATCH
 * when it exists, POST when not), unregisters any other, and records the outcome on the model.
 */
@Injectable()
export class ModelMirror {
  constructor(
    private readonly models: ModelReader,
    private readonly state: MirrorStateRepository,
    private readonly desired: DesiredDeployments,
    private readonly clients: LiteLLMClients,
  ) {}

  /** Throws a transient LiteLLMError while attempts are left, for the queue to retry with backoff. */
  async mirror(modelId: string, attempt: { final: boolean }): Promise<void> {
    const client = this.clients.create();
    if (!client) return;
    const model = await this.models.findWithConnection(modelId);
    const desired = await this.desired.of(model);
    if (!model) {
      await this.unlessTransient(attempt, () => client.remove(modelId));
      return;
    }
    if (desired.kind === 'unmirrorable') {
      // LiteLLM is left as it is: what it holds is still what the fingerprint says.
      await this.state.record([
        outcomeOf(model, {
          state: 'error',
          error: desired.reason,
          fingerprint: model.proxySyncFingerprint,
        }),
      ]);
      return;
    }
    const failure = await this.unlessTransient(attempt, () =>
      this.apply(client, model, desired),
    );
    await this.state.record([
      failure
        ? // After a failed write nobody knows what LiteLLM holds: no fingerprint, so the next try looks.
          outcomeOf(model, {
            state: 'error',
            error: failure.message,
            fingerprint: null,
          })
        : outcomeOf(model, {
            state: 'synced',
            error: null,
            fingerprint:
              desired.kind === 'present'
                ? desired.fingerprint
                : ABSENT_FINGERPRINT,
          }),
    ]);
  }

  private async apply(
    client: LiteLLMClient,
    model: ModelEntity,
    desired: Exclude<Desired, { kind: 'unmirrorable' }>,
  ): Promise<void> {
    if (desired.kind === 'absent') {
      // Already removed (or never registered): an edit to an inactive model needs no call at all.
      if (model.proxySyncFingerprint !== ABSENT_FINGERPRINT)
        await client.remove(model.id);
      return;
    }
    // LiteLLM got exactly this last time; drift behind our back is the reconcile's to find.
    if (desired.fingerprint === model.proxySyncFingerprint) return;
    const listed = await client.findDeployment(model.id);
    const repair = listed ? driftOf(listed, desired.deployment) : 'missing';
    // Listed as we want it, but our fingerprint differs (a rotated key, say): PATCH what it cannot show.
    await repairDeployment(
      client,
      repair === 'none' ? 'patch' : repair,
      desired.deployment,
    );
  }

  /**
   * Runs the LiteLLM calls; a failure is returned to be recorded, except a transient one while
   * attempts are left, which is thrown so the queue tries again.
   */
  private async unlessTransient(
    attempt: { final: boolean },
    calls: () => Promise<unknown>,
  ): Promise<LiteLLMError | null> {
    try {
      await calls();
      return null;
    } catch (error) {
      if (!(error instanceof LiteLLMError)) throw error;
      if (error.transient && !attempt.final) throw error;
      return error;
    }
  }
}
