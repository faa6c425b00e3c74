import { MODEL_TYPES } from '../domain';
import { MODEL_TYPE_PARAMS } from './param-specs';

describe('MODEL_TYPE_PARAMS', () => {
  it('gives every model type at least one param, each with a label and help text', () => {
    for (const type of MODEL_TYPES) {
      expect(MODEL_TYPE_PARAMS[type].length).toBeGreaterThan(0);
      for (const spec of MODEL_TYPE_PARAMS[type]) {
        expect(spec.label).not.toBe('');
        expect(spec.help).not.toBe('');
      }
    }
  });

  it('keeps every default within its own range and options', () => {
    for (const spec of MODEL_TYPES.flatMap((type) => MODEL_TYPE_PARAMS[type])) {
      if (typeof spec.default === 'number') {
        expect(spec.default).toBeGreaterThanOrEqual(spec.min ?? -Infinity);
        expect(spec.default).toBeLessThanOrEqual(spec.max ?? Infinity);
      }
      if (spec.kind === 'enum') {
        expect(spec.options).toContain(spec.default);
      }
    }
  });

  it('requires dimensions for embedding models and labels for ner models', () => {
    const required = (type: 'embedding' | 'ner') =>
      MODEL_TYPE_PARAMS[type]
        .filter((spec) => spec.required)
        .map((spec) => spec.key);
    expect(required('embedding')).toEqual(['dimensions']);
    expect(required('ner')).toEqual(['labels']);
  });

  it('gives ner models the very same generation spec objects after labels', () => {
    const [labels, ...rest] = MODEL_TYPE_PARAMS.ner;
    expect(labels?.key).toBe('labels');
    expect(rest).toHaveLength(MODEL_TYPE_PARAMS.generation.length);
    rest.forEach((spec, i) =>
      expect(spec).toBe(MODEL_TYPE_PARAMS.generation[i]),
    );
  });
});
