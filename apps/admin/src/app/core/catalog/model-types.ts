import { type ModelType } from '@llm-registry/contracts';

/** How the admin app names and explains each model type. */
export const TYPE_TEXT: Record<ModelType, { label: string; help: string }> = {
  embedding: {
    label: 'Embedding',
    help: 'Turns text into vectors for search and knowledge bases.',
  },
  generation: {
    label: 'Generation',
    help: 'Chat and completion models that write text.',
  },
  rerank: {
    label: 'Rerank',
    help: 'Orders documents by relevance to a query.',
  },
  ner: {
    label: 'NER',
    help: 'Extracts named entities with a generation model.',
  },
};
