import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQueryDto } from '../openapi/page-query.dto';
import { flattenValidationErrors } from './validation.pipe';
import { IsStringRecord, IsVersion, PG_INTEGER_MAX } from './validators';

class Versioned {
  @IsVersion()
  version!: number;
}

class WithEnv {
  @IsStringRecord(20)
  authEnv!: unknown;
}

/** The fields the validation pipe would name, once each. */
function failed(target: object): string[] {
  const fields = flattenValidationErrors(validateSync(target)).map(
    ({ field }) => field,
  );
  return [...new Set(fields)];
}

describe('IsVersion', () => {
  it('accepts what the integer column holds and refuses what it cannot', () => {
    expect(failed(Object.assign(new Versioned(), { version: 1 }))).toEqual([]);
    expect(
      failed(Object.assign(new Versioned(), { version: PG_INTEGER_MAX })),
    ).toEqual([]);
    for (const version of [0, PG_INTEGER_MAX + 1, 1e30, 1.5, '3'])
      expect(failed(Object.assign(new Versioned(), { version }))).toEqual([
        'version',
      ]);
  });
});

describe('IsStringRecord', () => {
  it('accepts a flat object of short strings', () => {
    expect(
      failed(
        Object.assign(new WithEnv(), {
          authEnv: { api_key_env: 'OPENAI_API_KEY' },
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    { api_key_env: 5 },
    { api_key_env: { nested: 'x' } },
    { api_key_env: 'X'.repeat(21) },
  ])('refuses %j naming the entry', (authEnv) => {
    expect(failed(Object.assign(new WithEnv(), { authEnv }))).toEqual([
      'authEnv.api_key_env',
    ]);
  });

  it.each([['OPENAI_API_KEY'], 'OPENAI_API_KEY'])('refuses %j', (authEnv) => {
    expect(failed(Object.assign(new WithEnv(), { authEnv }))).toEqual([
      'authEnv',
    ]);
  });
});

describe('PageQueryDto', () => {
  it('refuses a page whose offset PostgreSQL could not take', () => {
    const query = plainToInstance(PageQueryDto, {
      page: '99999999999999999999',
      pageSize: '200',
    });
    expect(failed(query)).toEqual(['page']);
  });
});
