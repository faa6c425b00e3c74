import { redactor } from '../../../common/redaction/redactor';
import { LiteLLMError } from './litellm-error';
import { type ListedDeployment, type LiteLLMDeployment } from './litellm-wire';

export interface LiteLLMEndpoint {
  url: string;
  masterKey: string;
  timeoutMs: number;
}

/** Rows per page of `/v2/model/info`: few round trips, bounded answers. */
const PAGE_SIZE = 100;
/** Enough of LiteLLM's message to say what went wrong; the rest is usually a Python traceback. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * LiteLLM's model-management API (reference/litellm-proxy-api.md), counting the calls it makes. The
 * master key goes only into the Authorization header; what LiteLLM answers is scrubbed before it is
 * kept anywhere, because its errors may echo what was sent.
 */
export class LiteLLMClient {
  readonly calls = { reads: 0, writes: 0 };

  constructor(private readonly endpoint: LiteLLMEndpoint) {}

  /**
   * Refuses to go on unless LiteLLM says it can store models: `/health/readiness` (public, not counted
   * as a read) must report its database connected (§5, §9.4). Otherwise every write would fail alike.
   */
  async assertReady(): Promise<void> {
    const body = (await this.call('GET', '/health/readiness', undefined, {
      count: false,
    })) as { db?: unknown } | null;
    if (body?.db !== 'connected')
      throw new LiteLLMError(
        503,
        `LiteLLM is not ready to store models: its database is ${typeof body?.db === 'string' ? body.db : 'not reported'}`,
      );
  }

  /** Every deployment, paging `/v2/model/info`; a proxy without that route is read with `/model/info`. */
  async listDeployments(): Promise<ListedDeployment[]> {
    const deployments: ListedDeployment[] = [];
    for (let page = 1; ; page++) {
      let body: unknown;
      try {
        body = await this.call(
          'GET',
          `/v2/model/info?page=${page}&size=${PAGE_SIZE}`,
        );
      } catch (error) {
        if (page === 1 && error instanceof LiteLLMError && error.status === 404)
          return dataOf(await this.call('GET', '/model/info'));
        throw error;
      }
      deployments.push(...dataOf(body));
      // Versions before pagination answer everything at once, without total_pages.
      const totalPages = (body as { total_pages?: unknown }).total_pages;
      if (typeof totalPages !== 'number' || page >= totalPages)
        return deployments;
    }
  }

  /** One deployment by `model_info.id`, or null; `data` is a list in newer versions, an object in older. */
  async findDeployment(id: string): Promise<ListedDeployment | null> {
    try {
      const body = await this.call(
        'GET',
        `/model/info?litellm_model_id=${encodeURIComponent(id)}`,
      );
      return dataOf(body)[0] ?? null;
    } catch (error) {
      if (error instanceof LiteLLMError && error.notFound) return null;
      throw error;
    }
  }

  async create(deployment: LiteLLMDeployment): Promise<void> {
    await this.call('POST', '/model/new', deployment);
  }

  /** PATCH merges: omitted keys are kept, `null` deletes nothing (§4). */
  async update(deployment: LiteLLMDeployment): Promise<void> {
    await this.call(
      'PATCH',
      `/model/${encodeURIComponent(deployment.model_info.id)}/update`,
      deployment,
    );
  }

  /** Idempotent: a deployment LiteLLM does not have (400 "not found in db") counts as removed. */
  async remove(id: string): Promise<'removed' | 'absent'> {
    try {
      await this.call('POST', '/model/delete', { id });
      return 'removed';
    } catch (error) {
      if (error instanceof LiteLLMError && error.notFound) return 'absent';
      throw error;
    }
  }

  private async call(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
    options: { count: boolean } = { count: true },
  ): Promise<unknown> {
    // Health checks are neither model reads nor writes.
    if (options.count && method === 'GET') this.calls.reads += 1;
    else if (options.count) this.calls.writes += 1;
    const what = `${method} ${path.split('?')[0]}`;
    let response: Response;
    try {
      response = await fetch(`${this.endpoint.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.endpoint.masterKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.endpoint.timeoutMs),
        // The master key must reach LiteLLM and nothing else.
        redirect: 'manual',
      });
    } catch (error) {
      throw new LiteLLMError(null, unreachable(what, error));
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new LiteLLMError(
        response.status,
        `LiteLLM answered ${response.status} to ${what}: redirects are not followed; set LITELLM_URL to the address it points to`,
      );
    }
    const text = await response.text();
    if (!response.ok)
      throw new LiteLLMError(
        response.status,
        `LiteLLM answered ${response.status} to ${what}: ${errorMessageOf(text)}`,
      );
    try {
      return text ? (JSON.parse(text) as unknown) : null;
    } catch {
      throw new LiteLLMError(
        response.status,
        `LiteLLM answered ${what} with something that is not JSON`,
      );
    }
  }
}

function unreachable(what: string, error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `LiteLLM did not answer ${what} in time`;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return `LiteLLM could not be reached for ${what}${cause ? ` (${cause})` : ''}`;
}

function dataOf(body: unknown): ListedDeployment[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (Array.isArray(data)) return data as ListedDeployment[];
  return data && typeof data === 'object' ? [data as ListedDeployment] : [];
}

/**
 * The human part of LiteLLM's error bodies, whichever envelope it used (§0):
 * `{"error":{"message":…}}`, `{"detail":{"error":…}}`, `{"detail":…}` or `{"error":…}`.
 */
export function errorMessageOf(text: string): string {
  let message = text;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const candidate =
      nested(body['error'], 'message') ??
      nested(body['detail'], 'error') ??
      body['detail'] ??
      body['error'];
    if (candidate !== undefined)
      message =
        typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
  } catch {
    // Not JSON: a proxy in front of LiteLLM, say. The text itself is the message.
  }
  const scrubbed = redactor.scrub(message.replace(/\s+/g, ' ').trim());
  return scrubbed.length > MAX_MESSAGE_LENGTH
    ? `${scrubbed.slice(0, MAX_MESSAGE_LENGTH)}…`
    : scrubbed || 'no message';
}

function nested(value: unknown, key: string): unknown {
  return value && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
