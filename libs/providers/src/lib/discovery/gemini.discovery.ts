import type { ModelType } from '@llm-registry/contracts';
import { geminiDialect } from '../dialects/gemini.dialect';
import {
  expectRecord,
  expectString,
  optionalArray,
  optionalCount,
  optionalString,
  stringList,
} from '../http/json-shape';
import { getAllPages, type Page } from './collect-pages';
import type { DiscoveryAdapter } from './discovery-adapter';
import { type RemoteModel, remoteModel } from './remote-model';

/** `GET {base}/models`, paged by `pageToken` = the previous page's `nextPageToken`. */
export const geminiDiscovery: DiscoveryAdapter = {
  dialect: geminiDialect,
  listModels: (http) =>
    getAllPages(
      http,
      {
        path: '/models',
        query: { pageSize: '1000' },
        cursorParam: 'pageToken',
      },
      parsePage,
    ),
};

function parsePage(body: unknown): Page<RemoteModel> {
  const page = expectRecord(body, 'the body');
  const items = optionalArray(page['models'], 'models').map((entry) => {
    const model = expectRecord(entry, 'a model');
    const name = expectString(model['name'], 'a model name');
    return remoteModel(name.replace(/^models\//, ''), {
      displayName: optionalString(model['displayName']),
      type: typeFromMethods(stringList(model['supportedGenerationMethods'])),
      contextWindow: optionalCount(model['inputTokenLimit']),
      capabilities: model['thinking'] === true ? ['reasoning'] : [],
    });
  });
  return { items, next: optionalString(page['nextPageToken']) };
}

function typeFromMethods(methods: string[]): ModelType | null {
  if (methods.includes('embedContent')) return 'embedding';
  if (methods.includes('generateContent')) return 'generation';
  return null;
}
