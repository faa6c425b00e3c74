import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadConfigOrExit } from './boot';
import { type AppConfig } from './config/app-config';
import { buildDataSourceOptions } from './database/data-source-options';
import { type DatabaseHandle, openDatabase } from './database/database-handle';
import {
  writeMigration,
  writeMigrationIndex,
} from './database/migration-writer';
import { pendingSchemaChanges } from './database/schema-drift';
import { migrate } from './database/schema';
import { previewOpenApiDocument } from './openapi-preview';
import { SeedService } from './modules/registry/seed/seed.service';
import { SecretsService } from './modules/secrets/secrets.service';

const USAGE = `Usage: cli <command>
  migrate                    apply pending migrations to DATABASE_URL (or the embedded database)
  seed                       add the seed catalogue's missing models (idempotent)
  keys:rotate                re-wrap every secret under the primary master key (a generated keyring gets a new key)
  migration:generate <Name>  write a migration for entity changes (development; uses an in-memory database)
  openapi <file.json>        write the OpenAPI document (needs no database)`;

async function withDataSource<T>(
  database: DatabaseHandle,
  config: AppConfig,
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource(
    buildDataSourceOptions(database, config.databasePoolSize),
  );
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function runMigrate(config: AppConfig): Promise<void> {
  const database = await openDatabase(config);
  try {
    const applied = await withDataSource(database, config, (ds) =>
      migrate(ds, { serialise: database.mode === 'postgres' }),
    );
    console.log(
      applied.length
        ? `Applied: ${applied.join(', ')}`
        : 'Schema is up to date.',
    );
  } finally {
    await database.close();
  }
}

/** The application without HTTP, for commands that use its services. */
async function withAppContext(
  config: AppConfig,
  work: (app: INestApplicationContext) => Promise<void>,
): Promise<void> {
  const database = await openDatabase(config);
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.register({
        config: { ...config, seedOnStart: false },
        database,
        environment: process.env,
      }),
      { logger: ['error', 'warn'] },
    );
    try {
      await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

async function runSeed(config: AppConfig): Promise<void> {
  await withAppContext(config, async (app) => {
    const { inserted } = await app.get(SeedService).seedMissing();
    console.log(
      inserted.length
        ? `Seeded: ${inserted.join(', ')}`
        : 'Every seed model is already present.',
    );
  });
}

async function runRotate(config: AppConfig): Promise<void> {
  await withAppContext(config, async (app) => {
    const secrets = app.get(SecretsService);
    const managedByFile = (await secrets.status()).managedBy === 'file';
    const result = await secrets.rotate({ generateNewKey: managedByFile });
    console.log(
      `${result.generatedNewKey ? 'Generated a new master key. ' : ''}Re-wrapped ${result.rewrapped} secrets under master key ${result.primaryKeyId}.`,
    );
  });
}

async function runGenerate(
  config: AppConfig,
  name: string | undefined,
): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error(
      'Give the migration a PascalCase name, e.g. AddModelOwner.',
    );
  const database = await openDatabase(config, { inMemory: true });
  try {
    const sql = await withDataSource(database, config, async (ds) => {
      await ds.runMigrations();
      return pendingSchemaChanges(ds);
    });
    if (sql.up.length === 0) {
      console.log('No entity changes: nothing to generate.');
      return;
    }
    // Run from the repository root: the migration goes into the sources, not the build.
    const directory = join(process.cwd(), 'apps/api/src/database/migrations');
    const written = await writeMigration(directory, name, sql);
    await writeMigrationIndex(directory);
    console.log(`Wrote ${written.path}; review it, then commit it.`);
  } finally {
    await database.close();
  }
}

async function runOpenApi(
  config: AppConfig,
  file: string | undefined,
): Promise<void> {
  if (!file) throw new Error('Give the file to write, e.g. tmp/openapi.json.');
  const document = await previewOpenApiDocument(config);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${file}.`);
}

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  const config = loadConfigOrExit();
  switch (command) {
    case 'migrate':
      return runMigrate(config);
    case 'seed':
      return runSeed(config);
    case 'keys:rotate':
      return runRotate(config);
    case 'migration:generate':
      return runGenerate(config, argument);
    case 'openapi':
      return runOpenApi(config, argument);
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
