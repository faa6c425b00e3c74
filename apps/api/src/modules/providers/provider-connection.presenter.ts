import { Injectable } from '@nestjs/common';
import { type ProviderConnection } from '@llm-registry/contracts';
import { SecretsService } from '../secrets/secrets.service';
import { type ProviderConnectionEntity } from './provider-connection.entity';
import { toProviderConnection } from './provider-connection.mapper';
import { ProviderConnectionsRepository } from './provider-connections.repository';

/** Connection rows as the API answers them, with their model counts and masked secret hints. */
@Injectable()
export class ProviderConnectionPresenter {
  constructor(
    private readonly connections: ProviderConnectionsRepository,
    private readonly secrets: SecretsService,
  ) {}

  /** One query for the counts and one for the hints, whatever the number of rows. */
  async present(
    rows: ProviderConnectionEntity[],
  ): Promise<ProviderConnection[]> {
    const ids = rows.map((row) => row.id);
    const secretIds = rows.flatMap((row) =>
      row.secretId ? [row.secretId] : [],
    );
    const [counts, hints] = await Promise.all([
      this.connections.countModels(ids),
      this.secrets.hintsOf(secretIds),
    ]);
    return rows.map((row) =>
      toProviderConnection(row, {
        modelCount: counts.get(row.id) ?? 0,
        hints: (row.secretId && hints.get(row.secretId)) || {},
      }),
    );
  }

  async presentOne(row: ProviderConnectionEntity): Promise<ProviderConnection> {
    return (await this.present([row]))[0];
  }
}
