import type { ModelType } from '@llm-registry/contracts';
import { cohereDialect } from '../dialects/cohere.dialect';
import {
  expectArray,
  expectRecord,
  expectString,
  optionalCount,
  optionalString,
  stringList,
} from '../http/json-shape';
import { getAllPages, type Page } from './collect-pages';
import type { DiscoveryAdapter } from './discovery-adapter';
import { type RemoteModel, remoteModel } from './remote-model';

/** `GET /v1/models`, paged by `page_token` = the previous page's `next_page_token`. */
export const cohereDiscovery: DiscoveryAdapter = {
  dialect: cohereDialect,
  listModels: (http) =>
    getAllPages(
      http,
      {
        path: '/v1/models',
        query: { page_size: '1000' },
        cursorParam: 'page_token',
      },
      parsePage,
    ),
};

function parsePage(body: unknown): Page<RemoteModel> {
  const page = expectRecord(body, 'the body');
  const items = expectArray(page['models'], 'models').map((entry) => {
    const model = expectRecord(entry, 'a model');
    return remoteModel(expectString(model['name'], 'a model name'), {
      type: typeFromEndpoints(stringList(model['endpoints'])),
      contextWindow: optionalCount(model['context_length']),
    });
  });
  return { items, next: optionalString(page['next_page_token']) };
}

function typeFromEndpoints(endpoints: string[]): ModelType | null {
  if (endpoints.includes('embed')) return 'embedding';
  if (endpoints.includes('rerank')) return 'rerank';
  if (endpoints.includes('chat') || endpoints.includes('generate')) {
    return 'generation';
  }
  return null;
}
