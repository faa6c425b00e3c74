import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
}

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET';

export interface Operation {
  method: Method;
  /** OpenAPI path, `{id}` style. */
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  queryParams: Array<{ name: string; schema: Schema }>;
  body?: Schema;
}

/** What a generated request may point at: ids of rows the test created, per path parameter. */
export interface FuzzTargets {
  /** Real values for a path parameter of this operation (an id of the right kind), or none. */
  realPathValues: (operation: Operation, name: string) => string[];
}

export interface FuzzRequest {
  principal: 'anonymous' | 'admin';
  method: Method;
  url: string;
  contentType?: string;
  payload?: string;
  /** True when the body is sent in a media type other than JSON. */
  notJson: boolean;
}

/**
 * Every URL the fuzzer writes points at the discard port on loopback, and no generated string holds
 * `://`, so a request that happens to be valid can never aim the registry at another host.
 */
export const LOOPBACK_URL = 'http://127.0.0.1:9/v1';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Write routes, and read routes that take query parameters (the lists). */
export function fuzzedOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [lower, operation] of Object.entries(item)) {
      const method = lower.toUpperCase() as Method;
      const parameters = operation.parameters ?? [];
      const param = (where: string) =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, schema: p.schema ?? {} }));
      const candidate: Operation = {
        method,
        path,
        pathParams: param('path'),
        queryParams: param('query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
      };
      if (
        WRITE_METHODS.has(method) ||
        (method === 'GET' && candidate.queryParams.length > 0)
      )
        operations.push(candidate);
    }
  }
  return operations;
}

/** A value nested `levels` deep, serialised by hand: JSON.stringify itself recurses. */
class Deep {
  constructor(readonly levels: number) {}
  text(): string {
    return '['.repeat(this.levels) + ']'.repeat(this.levels);
  }
}

const noScheme = (value: string) => !value.includes('://');

/** Values no field should accept as they are; each class once cost a 500. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 31,
    1e20,
    -1e20,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '\u0000',
    'name\u0000',
    '\ud800',
    'x\udc00',
    '💥',
    'x'.repeat(5000),
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    [],
    {},
    [[]],
    [null],
    { api_key_env: 5 },
    { nested: { deeper: [1, { x: '\u0000' }] } },
  ),
  fc.integer({ min: 33, max: 5000 }).map((levels) => new Deep(levels)),
  fc.string({ maxLength: 40 }).filter(noScheme),
  fc.string({ unit: 'binary', maxLength: 20 }).filter(noScheme),
  fc.integer(),
  fc.double(),
  fc
    .dictionary(fc.string({ maxLength: 8 }).filter(noScheme), fc.integer(), {
      maxKeys: 3,
    })
    // An own `__proto__` key, as JSON.parse makes one (an object literal would set the prototype).
    .map((value) =>
      Object.assign(JSON.parse('{"__proto__":{"polluted":true}}'), value),
    ),
);

/** Query strings, already encoded: NUL, broken UTF-8, numbers beyond range, junk. */
const badQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%zz',
    '99999999999999999999',
    '1e400',
    '-1',
    '0',
    '1.5',
    'NaN',
    '',
    '%20',
    'x'.repeat(3000),
    'true',
    '[]',
    'null',
    'not-a-uuid',
  ),
  fc
    .string({ maxLength: 30 })
    .filter(noScheme)
    .map((value) => encodeURIComponent(value)),
);

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 10; hops += 1) {
    if (current.$ref) {
      const name = current.$ref.split('/').pop() ?? '';
      current = { ...document.components.schemas[name], ...omitRef(current) };
    } else if (current.allOf?.[0]) {
      current = { ...resolve(document, current.allOf[0]), ...current };
      delete current.allOf;
    } else break;
  }
  return current;
}

function omitRef({ $ref: _ref, ...rest }: Schema): Schema {
  return rest;
}

/** A plausible value for a schema (its example, first enum value, default...), URLs on loopback. */
function plausible(document: OpenApiDocument, raw: Schema, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined)
    return typeof schema.example === 'string' && !noScheme(schema.example)
      ? LOOPBACK_URL
      : schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.properties && depth < 4) {
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, property]) => [
        key,
        plausible(document, property, depth + 1),
      ]),
    );
  }
  switch (schema.type ?? 'string') {
    case 'array':
      return schema.items ? [plausible(document, schema.items, depth + 1)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'object':
      return {};
    default:
      return 'fuzz';
  }
}

/** Every dotted path into a plain JSON value, the root ('') included. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const here = [prefix];
  if (value === null || typeof value !== 'object') return here;
  return here.concat(
    Object.entries(value).flatMap(([key, child]) =>
      pathsOf(child, [...prefix, key]),
    ),
  );
}

function isObjectAt(value: unknown, path: string[]): boolean {
  const found = path.reduce<unknown>(
    (node, key) => (node as Record<string, unknown> | undefined)?.[key],
    value,
  );
  return typeof found === 'object' && found !== null && !Array.isArray(found);
}

function setAt(target: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = Array.isArray(target)
    ? { ...target }
    : { ...(target as Record<string, unknown>) };
  copy[head] = setAt(copy[head], rest, value);
  return Array.isArray(target) ? Object.values(copy) : copy;
}

function serialise(value: unknown): string {
  const deep: Deep[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Deep) {
      deep.push(item);
      return `@@deep${deep.length - 1}@@`;
    }
    return item;
  });
  return (text ?? 'null').replace(
    /"@@deep(\d+)@@"/g,
    (_match, index: string) => deep[Number(index)]?.text() ?? 'null',
  );
}

const NOT_JSON = [
  {
    contentType: 'application/x-www-form-urlencoded',
    payload: 'email=a%40b.c&password=x',
  },
  {
    contentType: 'multipart/form-data; boundary=fuzz',
    payload:
      '--fuzz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--fuzz--\r\n',
  },
  { contentType: 'text/plain', payload: '{"name":"x"}' },
];

/** A request to one operation with at least one bad part: path, query, body or media type. */
export function fuzzRequest(
  document: OpenApiDocument,
  operation: Operation,
  targets: FuzzTargets,
): fc.Arbitrary<FuzzRequest> {
  const pathValue = (name: string, schema: Schema) => {
    const real = [
      ...targets.realPathValues(operation, name),
      ...(resolve(document, schema).enum ?? []).map(String),
    ];
    const junk = fc.constantFrom(
      'not-a-uuid',
      '%00',
      '%ED%A0%80',
      '00000000-0000-0000-0000-000000000000',
      'x'.repeat(90),
      'x'.repeat(200),
      '..%2F..',
      '99999999999999999999',
    );
    return real.length > 0
      ? fc.oneof(fc.constantFrom(...real.map(encodeURIComponent)), junk)
      : junk;
  };
  const path = fc
    .tuple(
      ...operation.pathParams.map(({ name, schema }) =>
        pathValue(name, schema).map((value) => [name, value] as const),
      ),
    )
    .map((pairs) =>
      pairs.reduce(
        (url, [name, value]) => url.replace(`{${name}}`, value),
        operation.path,
      ),
    );

  const goodPath = operation.pathParams.reduce(
    (url, { name, schema }) =>
      url.replace(
        `{${name}}`,
        targets.realPathValues(operation, name)[0] ??
          String(plausible(document, schema)),
      ),
    operation.path,
  );

  const baseQuery = operation.queryParams
    .map(({ name, schema }) => [name, plausible(document, schema)] as const)
    .filter(([, value]) => typeof value !== 'object');
  const query = fc
    .tuple(
      fc.constantFrom(
        ...operation.queryParams.map((p) => p.name),
        'unknownField',
        '__proto__',
      ),
      badQueryValue,
      fc.boolean(),
      fc.boolean(),
    )
    .map(([name, value, repeat, keepOthers]) => {
      const pairs = (keepOthers ? baseQuery : [])
        .filter(([other]) => other !== name)
        .map(
          ([other, plain]) =>
            `${other}=${encodeURIComponent(String(plain as string))}`,
        );
      pairs.push(`${name}=${value}`);
      if (repeat) pairs.push(`${name}=${value}`);
      return `?${pairs.join('&')}`;
    });

  const base = operation.body ? plausible(document, operation.body) : undefined;
  const paths = base === undefined ? [[]] : pathsOf(base);
  const objectPaths = paths.filter((at) => isObjectAt(base, at));
  const body = fc.oneof(
    fc
      .tuple(fc.constantFrom(...paths), badValue)
      .map(([at, value]) => setAt(base ?? {}, at, value)),
    fc
      .tuple(
        fc.constantFrom(...(objectPaths.length ? objectPaths : [[]])),
        badValue,
      )
      .map(([at, value]) => setAt(base ?? {}, [...at, 'unknownField'], value)),
  );

  const json = fc
    .tuple(fc.boolean(), fc.boolean(), fc.boolean())
    .chain(([badPath, badQuery, badBody]) =>
      fc.record({
        path: badPath ? path : fc.constant(goodPath),
        query:
          badQuery || (!badPath && !operation.body) ? query : fc.constant(''),
        payload:
          operation.body && (badBody || (!badPath && !badQuery))
            ? body.map(serialise)
            : fc.constant(base === undefined ? undefined : serialise(base)),
      }),
    )
    .map(({ path: url, query: search, payload }) => ({
      url: url + search,
      payload,
      contentType: payload === undefined ? undefined : 'application/json',
      notJson: false,
    }));
  // On a path the router can decode: a URL it cannot is refused before the body is looked at.
  const notJson = fc
    .constantFrom(...NOT_JSON)
    .map((sent) => ({ url: goodPath, ...sent, notJson: true }));

  return fc
    .tuple(
      fc.constantFrom<FuzzRequest['principal']>('anonymous', 'admin'),
      // GET has no body for Fastify to parse, so only writes can be sent forms.
      operation.method === 'GET'
        ? json
        : fc.oneof(
            { weight: 5, arbitrary: json },
            { weight: 1, arbitrary: notJson },
          ),
    )
    .map(([principal, request]) => ({
      principal,
      method: operation.method,
      ...request,
    }));
}
