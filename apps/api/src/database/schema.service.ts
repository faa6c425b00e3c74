import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { assertSchemaCurrent, migrate } from './schema';

/** Brings the schema up to date before anything queries it (embedded mode always; full mode when allowed). */
@Injectable()
export class SchemaService implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfigService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.get('migrateOnStart')) {
      await assertSchemaCurrent(this.dataSource);
      return;
    }
    const applied = await migrate(this.dataSource, {
      serialise: this.config.get('databaseMode') === 'postgres',
    });
    if (applied.length > 0)
      this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
