import { anthropicDialect } from '../dialects/anthropic.dialect';
import {
  expectArray,
  expectRecord,
  expectString,
  optionalCount,
  optionalString,
} from '../http/json-shape';
import { getAllPages, type Page } from './collect-pages';
import type { DiscoveryAdapter } from './discovery-adapter';
import { type RemoteModel, remoteModel } from './remote-model';

/** `GET /v1/models`, paged by `after_id` = the previous page's `last_id` while `has_more`. */
export const anthropicDiscovery: DiscoveryAdapter = {
  dialect: anthropicDialect,
  listModels: (http) =>
    getAllPages(
      http,
      { path: '/v1/models', query: { limit: '1000' }, cursorParam: 'after_id' },
      parsePage,
    ),
};

function parsePage(body: unknown): Page<RemoteModel> {
  const page = expectRecord(body, 'the body');
  const items = expectArray(page['data'], 'data').map((entry) => {
    const model = expectRecord(entry, 'a model');
    return remoteModel(expectString(model['id'], 'a model id'), {
      displayName: optionalString(model['display_name']),
      // Anthropic serves only chat models.
      type: 'generation',
      contextWindow: optionalCount(model['max_input_tokens']),
    });
  });
  return {
    items,
    next: page['has_more'] === true ? optionalString(page['last_id']) : null,
  };
}
