import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const INDENT = '    ';

function literal(sql: string): string {
  return `\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

function statements(queries: string[]): string {
  return queries
    .map((q) => `${INDENT}await queryRunner.query(${literal(q.trim())});`)
    .join('\n');
}

/** Writes `<timestamp>-<Name>.ts` with the given SQL and returns its path. */
export async function writeMigration(
  directory: string,
  name: string,
  sql: { up: string[]; down: string[] },
  now = Date.now(),
): Promise<{ path: string; className: string; fileName: string }> {
  const className = `${name}${now}`;
  const fileName = `${now}-${name}`;
  const source = `import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(sql.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements([...sql.down].reverse())}
  }
}
`;
  const path = join(directory, `${fileName}.ts`);
  await writeFile(path, source);
  return { path, className, fileName };
}

/** Rewrites `index.ts` so MIGRATIONS lists every `<timestamp>-<Name>.ts` in the directory, oldest first. */
export async function writeMigrationIndex(directory: string): Promise<void> {
  const files = (await readdir(directory))
    .filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f))
    .sort();
  const entries = files.map((file) => {
    const [timestamp, name] = file.replace(/\.ts$/, '').split('-');
    return {
      module: file.replace(/\.ts$/, ''),
      className: `${name}${timestamp}`,
    };
  });
  const source = [
    ...entries.map((e) => `import { ${e.className} } from './${e.module}';`),
    '',
    '/** Every migration, oldest first. Written by `npm run migration:generate -- <Name>`. */',
    'export const MIGRATIONS = [',
    ...entries.map((e) => `  ${e.className},`),
    '];',
    '',
  ].join('\n');
  await writeFile(`${directory}/index.ts`, source);
}
