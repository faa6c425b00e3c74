import { openAiDialect } from '../dialects/openai.dialect';
import {
  expectArray,
  expectRecord,
  expectString,
  optionalCount,
} from '../http/json-shape';
import type { DiscoveryAdapter } from './discovery-adapter';
import { type RemoteModel, remoteModel } from './remote-model';

/** OpenAI, Fireworks and OpenAI-compatible servers: `GET {base}/models`, not paginated. */
export const openAiDiscovery: DiscoveryAdapter = {
  dialect: openAiDialect,
  listModels: (http) => http.get('/models', parseModelList),
};

function parseModelList(body: unknown): RemoteModel[] {
  const data = expectArray(expectRecord(body, 'the body')['data'], 'data');
  return data.map((entry) => {
    const model = expectRecord(entry, 'a model');
    // OpenAI lists bare ids; vLLM adds max_model_len.
    return remoteModel(expectString(model['id'], 'a model id'), {
      contextWindow: optionalCount(model['max_model_len']),
    });
  });
}
