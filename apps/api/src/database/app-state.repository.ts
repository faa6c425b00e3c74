import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import { AppStateEntity } from './app-state.entity';

@Injectable()
export class AppStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(
    key: string,
    manager?: EntityManager,
  ): Promise<Record<string, unknown> | null> {
    const row = await (manager ?? this.dataSource.manager).findOneBy(
      AppStateEntity,
      { key },
    );
    return row?.value ?? null;
  }

  async set(
    key: string,
    value: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO app_state (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  }
}
