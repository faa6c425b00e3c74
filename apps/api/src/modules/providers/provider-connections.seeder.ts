import { Injectable } from '@nestjs/common';
import { type ProviderId } from '@llm-registry/contracts';
import { AuditService } from '../audit/audit.service';
import { connectionChanged } from './provider-connection-audit';
import { ProviderConnectionsRepository } from './provider-connections.repository';
import { SEED_CONNECTIONS } from './seed-connections';

/** Puts the seed connections (environment references only, no stored key) into the registry. */
@Injectable()
export class ProviderConnectionsSeeder {
  constructor(
    private readonly connections: ProviderConnectionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The seeded connection of each provider, created if missing; by provider. */
  async ensureSeeded(): Promise<Map<ProviderId, string>> {
    const ids = new Map<ProviderId, string>();
    for (const seed of SEED_CONNECTIONS) {
      const existing = await this.connections.findByName(seed.name);
      let connection = existing;
      if (!connection) {
        connection = await this.connections.insert({
          ...seed,
          baseUrl: null,
          settings: {},
          secretId: null,
          secretOrigin: null,
          enabled: true,
        });
        await this.audit.record(
          connectionChanged('provider.created', null, connection),
        );
      }
      if (connection.provider === seed.provider)
        ids.set(seed.provider, connection.id);
    }
    return ids;
  }
}
