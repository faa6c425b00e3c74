import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  createEgressPolicy,
  createProviderEgress,
  type ProviderEgress,
} from '@llm-registry/providers';
import { AppConfigService } from '../../config/app-config.service';

/**
 * How this process reaches providers: the built-in denied ranges plus PROVIDER_EGRESS_DENY, with
 * redirects refused. One per process, so its agents pool connections across calls.
 */
@Injectable()
export class ProviderEgressService implements ProviderEgress, OnModuleDestroy {
  readonly fetch: ProviderEgress['fetch'];
  readonly agents: ProviderEgress['agents'];
  readonly close: ProviderEgress['close'];

  constructor(config: AppConfigService) {
    ({
      fetch: this.fetch,
      agents: this.agents,
      close: this.close,
    } = createProviderEgress(createEgressPolicy(config.get('egressDeny'))));
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
