import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQueryDto } from '../openapi/page-query.dto';
import { IsStringRecord, IsVersion, PG_INTEGER_MAX } from './validators';

class Versioned {
  @IsVersion()
  version!: number;
}

class WithEnv {
  @IsStringRecord(20)
  authEnv!: unknown;
}

function failed(target: object): string[] {
  return validateSync(target).map((error) => error.property);
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
    ['OPENAI_API_KEY'],
    'OPENAI_API_KEY',
  ])('refuses %j', (authEnv) => {
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
