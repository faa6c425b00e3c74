import type { ModelType } from '../domain';
import type { ParamSpec } from './catalog.types';

const GENERATION_PARAMS: readonly ParamSpec[] = [
  {
    key: 'context_window',
    label: 'Context window',
    kind: 'integer',
    min: 1,
    max: 10_000_000,
    help: 'Total tokens (prompt plus output) the model can attend to.',
  },
  {
    key: 'max_output_tokens',
    label: 'Max output tokens',
    kind: 'integer',
    min: 1,
    max: 1_000_000,
    help: 'Most tokens the model may generate per response; must not exceed the context window.',
  },
  {
    key: 'temperature',
    label: 'Temperature',
    kind: 'number',
    min: 0,
    max: 2,
    default: 0.7,
    help: 'Sampling randomness: lower is more deterministic, higher more varied.',
  },
  {
    key: 'top_p',
    label: 'Top P',
    kind: 'number',
    min: 0,
    max: 1,
    default: 1,
    help: 'Nucleus sampling: only tokens within this cumulative probability are considered.',
  },
  {
    key: 'top_k',
    label: 'Top K',
    kind: 'integer',
    min: 1,
    max: 1000,
    help: 'Only the K most likely tokens are considered at each step.',
  },
];

/** Shared params per model type; providers tweak them through `paramOverrides`. */
export const MODEL_TYPE_PARAMS: Readonly<
  Record<ModelType, readonly ParamSpec[]>
> = {
  embedding: [
    {
      key: 'dimensions',
      label: 'Dimensions',
      kind: 'integer',
      required: true,
      min: 1,
      max: 65_536,
      help: 'Length of the vectors the model returns; knowledge bases pin it, so changing it means re-indexing.',
    },
    {
      key: 'max_tokens',
      label: 'Max input tokens',
      kind: 'integer',
      min: 1,
      max: 1_000_000,
      help: 'Most input tokens the model accepts per text.',
    },
    {
      key: 'normalize',
      label: 'Normalize',
      kind: 'boolean',
      default: false,
      help: 'Scale every vector to unit length before returning it.',
    },
    {
      key: 'distance_metric',
      label: 'Distance metric',
      kind: 'enum',
      options: ['cosine', 'dot', 'euclidean'],
      default: 'cosine',
      help: 'How vector stores should compare the vectors this model produces.',
    },
    {
      key: 'batch_size',
      label: 'Batch size',
      kind: 'integer',
      min: 1,
      max: 2048,
      default: 100,
      help: 'How many texts are sent to the provider per embedding request.',
    },
  ],
  generation: GENERATION_PARAMS,
  rerank: [
    {
      key: 'top_n',
      label: 'Top N',
      kind: 'integer',
      min: 1,
      max: 1000,
      default: 3,
      help: 'How many of the best-scoring documents are returned.',
    },
    {
      key: 'max_documents',
      label: 'Max documents',
      kind: 'integer',
      min: 1,
      max: 10_000,
      default: 1000,
      help: 'Most documents accepted in a single rerank request.',
    },
  ],
  // NER models are generation models prompted to extract entities, so they take the same sampling params.
  ner: [
    {
      key: 'labels',
      label: 'Entity labels',
      kind: 'string-list',
      required: true,
      min: 1,
      max: 100,
      help: 'Entity labels to extract (1 to 100 labels, each 1 to 64 characters), e.g. person, organization.',
    },
    ...GENERATION_PARAMS,
  ],
};
