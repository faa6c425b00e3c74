import { Injectable } from '@nestjs/common';
import {
  ProviderRequestError,
  toLiteLLMParams,
  type ConnectionTarget,
  type LiteLLMConnection,
} from '@llm-registry/providers';
import { isServing } from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';
import { redactor } from '../../common/redaction/redactor';
import { ConnectionTargetService } from '../providers/connection-target.service';
import { type ModelEntity } from '../registry/model.entity';
import { fingerprintOf, toDeployment } from './deployment';
import { type LiteLLMDeployment } from './litellm/litellm-wire';

/** What LiteLLM should hold for one model. */
export type Desired =
  | { kind: 'present'; deployment: LiteLLMDeployment; fingerprint: string }
  /** Deleted, not serving (inactive), or its connection disabled: LiteLLM should not serve it. */
  | { kind: 'absent' }
  /** It should be served but cannot be described (no connection, an unset variable…): leave LiteLLM be. */
  | { kind: 'unmirrorable'; reason: string };

/** Resolved connections by id, shared by the models of one reconcile: one decryption per connection. */
export type TargetCache = Map<string, Promise<ConnectionTarget>>;

/**
 * Turns a model (its connection loaded) into the deployment LiteLLM should hold, credentials decrypted
 * or read from the environment. The result goes to LiteLLM and nowhere else.
 */
@Injectable()
export class DesiredDeployments {
  constructor(private readonly targets: ConnectionTargetService) {}

  async of(
    model: ModelEntity | null,
    cache: TargetCache = new Map(),
  ): Promise<Desired> {
    if (!model || !isServing(model.status)) return { kind: 'absent' };
    const connection = model.providerConnection;
    if (!connection)
      return unmirrorable(
        'The model has no provider connection: attach one to serve it through LiteLLM',
      );
    if (!connection.enabled) return { kind: 'absent' };
    try {
      let target = cache.get(connection.id);
      if (!target) {
        target = this.targets.resolve(connection);
        cache.set(connection.id, target);
      }
      const deployment = toDeployment(
        model,
        toLiteLLMParams(toLiteLLMConnection(await target), model),
      );
      return {
        kind: 'present',
        deployment,
        fingerprint: fingerprintOf(deployment),
      };
    } catch (error) {
      if (
        error instanceof ProblemException ||
        error instanceof ProviderRequestError
      )
        return unmirrorable(
          error instanceof ProblemException ? error.detail : error.message,
        );
      throw error;
    }
  }
}

/** The registry hands LiteLLM the values themselves: LiteLLM needs none of the provider variables. */
function toLiteLLMConnection(target: ConnectionTarget): LiteLLMConnection {
  return {
    ...target,
    credentials: Object.fromEntries(
      Object.entries(target.credentials).map(([key, value]) => [
        key,
        { value },
      ]),
    ),
  };
}

function unmirrorable(reason: string): Desired {
  return { kind: 'unmirrorable', reason: redactor.scrub(reason) };
}
