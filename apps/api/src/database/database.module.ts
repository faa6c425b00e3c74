import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../config/app-config.service';
import { AdvisoryLocks } from './advisory-lock';
import { AppStateRepository } from './app-state.repository';
import { DatabaseHealth } from './database-health';
import { type DatabaseHandle } from './database-handle';
import { buildDataSourceOptions } from './data-source-options';
import { SchemaService } from './schema.service';
import { transactionsModule } from './transactions';

export const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/**
 * TypeORM over the database opened before the app (PostgreSQL, or embedded PGlite on a socket), with
 * transactions carried by the async context (see transactions.ts).
 */
@Global()
@Module({})
export class DatabaseModule {
  static register(handle: DatabaseHandle): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfigService],
          useFactory: (config: AppConfigService) =>
            buildDataSourceOptions(handle, config.get('databasePoolSize')),
        }),
        transactionsModule(),
      ],
      providers: [
        { provide: DATABASE_HANDLE, useValue: handle },
        SchemaService,
        AdvisoryLocks,
        AppStateRepository,
        DatabaseHealth,
      ],
      exports: [
        DATABASE_HANDLE,
        AdvisoryLocks,
        AppStateRepository,
        DatabaseHealth,
      ],
    };
  }
}
