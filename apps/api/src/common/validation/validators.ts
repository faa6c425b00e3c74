import {
  applyDecorators,
  Injectable,
  type PipeTransform,
} from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  isUUID,
  IsUUID,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { SCOPE_PATTERN } from '@llm-registry/contracts';
import { ValidationProblem } from '../problem/problem.exception';

/** Query strings carry text: `'false'` must become false, not a truthy string. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === true) return true;
    if (value === 'false' || value === false) return false;
    return value;
  });
}

/** Integers from query strings; anything that is not a plain integer is left for @IsInt to refuse. */
export function ToInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
}

/** Trims strings so `'  '` cannot pass as a name. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}

/** Lowercases UUIDs, the form PostgreSQL returns them in, so ids compare equal in code too. */
function ToLowerCase(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'string') return value.toLowerCase();
    if (Array.isArray(value))
      return value.map((item: unknown) =>
        typeof item === 'string' ? item.toLowerCase() : item,
      );
    return value;
  });
}

/** A UUID (or, with `each`, a list of them), lowercased. */
export function IsUuid(options: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ToLowerCase(),
    IsUUID('all', {
      each: options.each,
      message: options.each ? 'each id must be a UUID' : 'must be a UUID',
    }),
  );
}

/** Route `:id` parameters: a UUID (lowercased), or a 400 naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) {
      throw new ValidationProblem([{ field: 'id', message: 'must be a UUID' }]);
    }
    return value.toLowerCase();
  }
}

/** One of a fixed list, with the list in the message (`must be one of active, inactive, deprecated`). */
export function IsOneOf(values: readonly string[]): PropertyDecorator {
  return IsIn(values, { message: `must be one of ${values.join(', ')}` });
}

/** A scope name: lowercase identifier, safe in URLs and logs. */
export function IsScope(): PropertyDecorator {
  return Matches(SCOPE_PATTERN, {
    message:
      'must be lowercase letters, digits, and . _ : - (up to 63 characters)',
  });
}

/** An absolute http(s) URL of at most 2048 characters (hosts without a TLD allowed: localhost, compose names). */
export function IsHttpUrl(): PropertyDecorator {
  return applyDecorators(
    IsUrl(
      {
        protocols: ['http', 'https'],
        require_tld: false,
        require_protocol: true,
      },
      { message: 'must be an http(s) URL' },
    ),
    MaxLength(2048),
  );
}

/** An object mapping UUIDs to UUIDs (`{ "<model id>": "<replacement id>" }`). */
export function IsUuidRecord(): PropertyDecorator {
  return ValidateBy({
    name: 'isUuidRecord',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([key, target]) => isUUID(key) && isUUID(target),
        ),
      defaultMessage: () => 'must map model ids to model ids (UUIDs)',
    },
  });
}

/** The largest value of a PostgreSQL `integer` column, such as the optimistic-locking `version`. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** An optimistic-locking version: a positive integer the `version` column can hold. */
export function IsVersion(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(1), Max(PG_INTEGER_MAX));
}

/**
 * Rules over maps whose message starts with the bad entry's key (`api_key_env: must be …`): the
 * validation pipe names that entry as the field (`authEnv.api_key_env`), not the whole map.
 */
export const ENTRY_RULES: ReadonlySet<string> = new Set(['isStringRecord']);

/** A flat object of strings (`{ "api_key_env": "OPENAI_API_KEY" }`), each at most `maxLength` long. */
export function IsStringRecord(maxLength = 200): PropertyDecorator {
  const isEntryValid = (item: unknown) =>
    typeof item === 'string' && item.length <= maxLength;
  return ValidateBy({
    name: 'isStringRecord',
    validator: {
      validate: (value: unknown) =>
        isPlainObject(value) && Object.values(value).every(isEntryValid),
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        const entryMessage = `must be a string of at most ${maxLength} characters`;
        const badKey = isPlainObject(value)
          ? Object.keys(value).find((key) => !isEntryValid(value[key]))
          : undefined;
        return badKey === undefined
          ? `must be an object whose values are strings of at most ${maxLength} characters`
          : `${badKey}: ${entryMessage}`;
      },
    },
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
