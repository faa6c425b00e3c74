import { Injectable, Logger } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../../database/transactions';
import { GLOBAL_SCOPE } from '@llm-registry/contracts';
import { AdvisoryLocks } from '../../../database/advisory-lock';
import { AppStateRepository } from '../../../database/app-state.repository';
import { AuditService } from '../../audit/audit.service';
import { ProviderConnectionsService } from '../../providers/provider-connections.service';
import { ModelsRepository } from '../models.repository';
import { modelChanges } from '../models-audit';
import { SEED_MODELS } from './seed-models';

const SEEDED_KEY = 'registry.catalog_seeded';

export interface SeedResult {
  inserted: string[];
  skipped: boolean;
}

/** Puts the original catalogue into the registry: once on first start, or again on demand. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly models: ModelsRepository,
    private readonly appState: AppStateRepository,
    private readonly connections: ProviderConnectionsService,
    private readonly audit: AuditService,
    private readonly locks: AdvisoryLocks,
  ) {}

  /** First start only: an installation whose admins deleted the seeded models does not get them back. */
  async seedOnce(): Promise<SeedResult> {
    return this.txHost.withTransaction(async () => {
      await this.locks.lockUntilCommit(SEEDED_KEY);
      if (await this.appState.get(SEEDED_KEY))
        return { inserted: [], skipped: true };
      const inserted =
        (await this.models.count()) === 0 ? await this.insertMissing() : [];
      await this.appState.set(SEEDED_KEY, {
        at: new Date().toISOString(),
        inserted: inserted.length,
      });
      if (inserted.length > 0)
        this.logger.log(
          `Seeded ${inserted.length} models into the empty registry`,
        );
      return { inserted, skipped: false };
    });
  }

  /** The `seed` command: adds whichever seed connections and models are missing (by name in the global scope); idempotent. */
  async seedMissing(): Promise<SeedResult> {
    return this.txHost.withTransaction(async () => {
      await this.locks.lockUntilCommit(SEEDED_KEY);
      const inserted = await this.insertMissing();
      await this.appState.set(SEEDED_KEY, {
        at: new Date().toISOString(),
        inserted: inserted.length,
      });
      return { inserted, skipped: false };
    });
  }

  private async insertMissing(): Promise<string[]> {
    const connectionIds = await this.connections.ensureSeeded();
    const inserted: string[] = [];
    for (const seed of SEED_MODELS) {
      if (await this.models.existsByScopeAndName(GLOBAL_SCOPE, seed.name))
        continue;
      // Never steal the default from a model an admin chose.
      const isDefault =
        !!seed.isDefault &&
        !(await this.models.hasDefault(seed.type, GLOBAL_SCOPE));
      const model = await this.models.insert({
        ...seed,
        providerConnectionId: connectionIds.get(seed.provider) ?? null,
        description: seed.description ?? null,
        endpoint: seed.endpoint ?? null,
        owner: null,
        status: seed.status ?? 'active',
        scope: GLOBAL_SCOPE,
        isDefault,
        inputPricePerMillion: seed.inputPricePerMillion ?? null,
        outputPricePerMillion: seed.outputPricePerMillion ?? null,
      });
      await this.audit.record({
        action: 'model.created',
        entityType: 'model',
        entityId: model.id,
        changes: modelChanges(null, model),
      });
      inserted.push(seed.name);
    }
    return inserted;
  }
}
