import { Injectable } from '@nestjs/common';
import { redactor } from '../../../common/redaction/redactor';
import { AppConfigService } from '../../../config/app-config.service';
import { type LiteLLMEndpoint, LiteLLMClient } from './litellm.client';

/** Hands out LiteLLM clients, one per job so that each counts its own calls; none when the mirror is off. */
@Injectable()
export class LiteLLMClients {
  private readonly endpoint: LiteLLMEndpoint | null;

  constructor(config: AppConfigService) {
    const { litellm, timeoutMs } = config.get('proxySync');
    this.endpoint = litellm && { ...litellm, timeoutMs };
    // LiteLLM may echo the key in an error; logs and stored messages must not.
    redactor.remember(litellm?.masterKey);
  }

  get enabled(): boolean {
    return this.endpoint !== null;
  }

  get url(): string | null {
    return this.endpoint?.url ?? null;
  }

  create(): LiteLLMClient | null {
    return this.endpoint && new LiteLLMClient(this.endpoint);
  }
}
