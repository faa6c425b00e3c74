import { ValidationProblem } from '../problem/problem.exception';
import {
  findUnsafeInput,
  MAX_INPUT_DEPTH,
  refuseUnsafeInput,
} from './input-guard';
import { type FastifyRequest } from 'fastify';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('findUnsafeInput', () => {
  it('accepts ordinary JSON, emoji included', () => {
    expect(
      findUnsafeInput({
        name: 'Model 😀',
        params: { temperature: 0.2, labels: ['a', 'b'] },
        enabled: true,
        note: null,
      }),
    ).toBeNull();
  });

  it('names the field that holds a NUL character, however deep', () => {
    expect(findUnsafeInput({ params: { labels: ['ok', 'a\u0000b'] } })).toEqual(
      {
        field: 'params.labels.1',
        message: 'must not contain NUL characters or lone surrogates',
      },
    );
  });

  it('refuses lone surrogates but not surrogate pairs', () => {
    expect(findUnsafeInput({ name: 'x\ud800' })?.field).toBe('name');
    expect(findUnsafeInput({ name: 'x\udc00y' })?.field).toBe('name');
    expect(findUnsafeInput({ name: '\ud83d\ude00' })).toBeNull();
  });

  it('refuses a NUL character in a key, naming the object that holds it', () => {
    expect(findUnsafeInput({ params: { 'a\u0000': 1 } })).toMatchObject({
      field: 'params',
    });
  });

  it('refuses numbers JSON turned into Infinity', () => {
    expect(findUnsafeInput(JSON.parse('{"priority":1e400}'))).toEqual({
      field: 'priority',
      message: 'must be a finite number',
    });
  });

  it(`allows ${MAX_INPUT_DEPTH} levels and refuses one more, naming the top field`, () => {
    expect(findUnsafeInput(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(findUnsafeInput({ params: nested(MAX_INPUT_DEPTH) })).toEqual({
      field: 'params',
      message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels`,
    });
  });

  it('survives nesting far deeper than the stack', () => {
    const text = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findUnsafeInput({ email: JSON.parse(text) })).toMatchObject({
      field: 'email',
    });
  });

  it('names a bare string body "body"', () => {
    expect(findUnsafeInput('\u0000')?.field).toBe('body');
  });
});

describe('refuseUnsafeInput', () => {
  it('checks route parameters, query and body', async () => {
    const request = (part: object) =>
      ({ params: {}, query: {}, body: undefined, ...part }) as FastifyRequest;
    await expect(
      refuseUnsafeInput(request({ params: { id: '\u0000' } })),
    ).rejects.toBeInstanceOf(ValidationProblem);
    await expect(
      refuseUnsafeInput(request({ query: { q: '\u0000' } })),
    ).rejects.toMatchObject({ errors: [{ field: 'q' }] });
    await expect(
      refuseUnsafeInput(request({ body: { name: '\u0000' } })),
    ).rejects.toMatchObject({ errors: [{ field: 'name' }] });
    await expect(
      refuseUnsafeInput(request({ body: { name: 'fine' } })),
    ).resolves.toBeUndefined();
  });
});
