import { Injectable } from '@nestjs/common';
import { AppStateEntity } from './app-state.entity';
import { InjectTransactions, type Transactions } from './transactions';

@Injectable()
export class AppStateRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  async get(key: string): Promise<Record<string, unknown> | null> {
    const row = await this.txHost.tx.findOneBy(AppStateEntity, { key });
    return row?.value ?? null;
  }

  async set(key: string, value: Record<string, unknown>): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO app_state (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  }
}
