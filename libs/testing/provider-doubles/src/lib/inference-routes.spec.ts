import type {
  DoubleProvider,
  ProviderDouble,
  ProviderDoubleOptions,
} from './provider-double.types';
import { startProviderDouble } from './start-provider-double';

const ANTHROPIC_HEADERS = { 'anthropic-version': '2023-06-01' };

describe('inference routes', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  async function start(
    provider: DoubleProvider,
    options: ProviderDoubleOptions = {},
  ) {
    double = await startProviderDouble(provider, options);
  }

  async function post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${double.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
    };
  }

  /** The `data:` payloads of an SSE body, parsed unless they are `[DONE]`. */
  function sseData(text: string): unknown[] {
    return [...text.matchAll(/^data: (.*)$/gm)].map(([, data]) =>
      data === '[DONE]' ? data : JSON.parse(data),
    );
  }

  function float32s(base64: string): Float32Array {
    const bytes = Buffer.from(base64, 'base64');
    return new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    );
  }

  describe.each(['openai', 'openai_compatible'] as const)('%s', (provider) => {
    const chat =
      provider === 'openai' ? 'gpt-4o-mini' : 'Qwen/Qwen2.5-0.5B-Instruct';
    const embedding =
      provider === 'openai'
        ? 'text-embedding-3-small'
        : 'nomic-ai/nomic-embed-text-v1.5';

    it('answers a chat completion', async () => {
      await start(provider);
      const answer = await post('/v1/chat/completions', {
        model: chat,
        messages: [{ role: 'user', content: 'ping' }],
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({
        object: 'chat.completion',
        model: chat,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'pong' },
            finish_reason: 'stop',
          },
        ],
        usage: { completion_tokens: 4 },
      });
    });

    it('streams chunks, a usage chunk when asked, then [DONE]', async () => {
      await start(provider);
      const answer = await post('/v1/chat/completions', {
        model: chat,
        messages: [{ role: 'user', content: 'ping' }],
        max_tokens: 1,
        stream: true,
        stream_options: { include_usage: true },
      });
      expect(answer.headers.get('content-type')).toBe('text/event-stream');
      const events = sseData(answer.text);
      expect(events.at(-1)).toBe('[DONE]');
      expect(events.at(-2)).toMatchObject({
        choices: [],
        usage: { completion_tokens: 1 },
      });
      expect(events).toContainEqual(
        expect.objectContaining({
          object: 'chat.completion.chunk',
          choices: [expect.objectContaining({ delta: { content: 'p' } })],
        }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({
          choices: [expect.objectContaining({ finish_reason: 'length' })],
        }),
      );
    });

    it('answers embeddings in base64 float32 unless asked for floats', async () => {
      await start(provider);
      const [base64, floats] = await Promise.all(
        [undefined, 'float'].map(async (encoding_format) =>
          JSON.parse(
            (
              await post('/v1/embeddings', {
                model: embedding,
                input: ['a', 'b'],
                dimensions: 16,
                encoding_format,
              })
            ).text,
          ),
        ),
      );
      expect(base64.data).toHaveLength(2);
      const decoded = float32s(base64.data[1].embedding);
      expect(decoded).toHaveLength(16);
      expect(Array.from(decoded)).toEqual(floats.data[1].embedding);
      expect(floats).toMatchObject({
        object: 'list',
        model: embedding,
        data: [{ object: 'embedding', index: 0 }, { index: 1 }],
      });
    });
  });

  it('anthropic answers a message, and streams its events in order', async () => {
    await start('anthropic');
    const request = {
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'ping' }],
    };
    const plain = await post('/v1/messages', request, ANTHROPIC_HEADERS);
    expect(JSON.parse(plain.text)).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'pong' }],
      stop_reason: 'end_turn',
      usage: { output_tokens: 4 },
    });
    const streamed = await post(
      '/v1/messages',
      { ...request, stream: true },
      ANTHROPIC_HEADERS,
    );
    expect(
      [...streamed.text.matchAll(/^event: (.*)$/gm)].map((m) => m[1]),
    ).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(sseData(streamed.text)[2]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'pong' },
    });
  });

  it('gemini generates, streams over SSE and embeds one or a batch', async () => {
    await start('gemini');
    const ask = { contents: [{ role: 'user', parts: [{ text: 'ping' }] }] };
    const generated = await post(
      '/v1beta/models/gemini-2.5-flash:generateContent',
      ask,
    );
    expect(JSON.parse(generated.text)).toMatchObject({
      candidates: [
        {
          content: { role: 'model', parts: [{ text: 'pong' }] },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { candidatesTokenCount: 4 },
    });
    const streamed = await post(
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      ask,
    );
    expect(sseData(streamed.text)[0]).toMatchObject({
      candidates: [{ content: { parts: [{ text: 'pong' }] } }],
    });
    const one = await post('/v1beta/models/gemini-embedding-001:embedContent', {
      content: { parts: [{ text: 'hi' }] },
    });
    expect(JSON.parse(one.text).embedding.values).toHaveLength(8);
    const batch = await post(
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
      {
        requests: ['a', 'b'].map((text) => ({
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text }] },
          outputDimensionality: 32,
        })),
      },
    );
    expect(
      JSON.parse(batch.text).embeddings.map(
        (e: { values: number[] }) => e.values.length,
      ),
    ).toEqual([32, 32]);
  });

  it('cohere answers v1 and v2 chat', async () => {
    await start('cohere');
    const v1 = await post('/v1/chat', {
      model: 'command-a-03-2025',
      message: 'ping',
    });
    expect(JSON.parse(v1.text)).toMatchObject({
      text: 'pong',
      finish_reason: 'COMPLETE',
      meta: { billed_units: { output_tokens: 4 } },
    });
    const v2 = await post('/v2/chat', {
      model: 'command-a-03-2025',
      messages: [{ role: 'user', content: 'ping' }],
      max_tokens: 1,
    });
    expect(JSON.parse(v2.text)).toMatchObject({
      finish_reason: 'MAX_TOKENS',
      message: { role: 'assistant', content: [{ type: 'text', text: 'p' }] },
    });
  });

  it('cohere embeds as floats, or by type when types are asked for', async () => {
    await start('cohere', {
      models: [{ id: 'embed-v4.0', kind: 'embedding', embeddingLength: 12 }],
    });
    const texts = ['a', 'b'];
    const bare = JSON.parse(
      (await post('/v1/embed', { model: 'embed-v4.0', texts })).text,
    );
    expect(bare.response_type).toBe('embeddings_floats');
    expect(bare.embeddings[0]).toHaveLength(12);
    const typed = JSON.parse(
      (
        await post('/v1/embed', {
          model: 'embed-v4.0',
          texts,
          embedding_types: ['float', 'int8'],
        })
      ).text,
    );
    expect(typed.response_type).toBe('embeddings_by_type');
    expect(typed.embeddings.float).toEqual(bare.embeddings);
    expect(typed.embeddings.int8[1]).toHaveLength(12);
    const v2 = JSON.parse(
      (
        await post('/v2/embed', {
          model: 'embed-v4.0',
          texts,
          input_type: 'search_query',
          embedding_types: ['float'],
          output_dimension: 256,
        })
      ).text,
    );
    expect(v2.embeddings.float[0]).toHaveLength(256);
  });

  it.each(['/v1/rerank', '/v2/rerank'])(
    'cohere %s ranks documents best first',
    async (path) => {
      await start('cohere');
      const answer = await post(path, {
        model: 'rerank-v3.5',
        query: 'red apples',
        documents: ['bananas', { text: 'red apples are sweet' }, 'apples'],
        top_n: 2,
      });
      const { results } = JSON.parse(answer.text);
      expect(results.map((r: { index: number }) => r.index)).toEqual([1, 2]);
      expect(results[0].relevance_score).toBeGreaterThan(
        results[1].relevance_score,
      );
    },
  );

  it('ollama streams /api/chat as NDJSON by default, ending in done:true', async () => {
    await start('ollama');
    const chat = {
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'ping' }],
    };
    const streamed = await post('/api/chat', chat);
    expect(streamed.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = streamed.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({
      model: 'llama3.2',
      message: { role: 'assistant', content: 'pong' },
      done: false,
    });
    expect(lines.at(-1)).toMatchObject({
      done: true,
      done_reason: 'stop',
      eval_count: 4,
    });
    const whole = await post('/api/chat', { ...chat, stream: false });
    expect(JSON.parse(whole.text)).toMatchObject({
      message: { content: 'pong' },
      done: true,
    });
    const generated = await post('/api/generate', {
      model: 'llama3.2',
      prompt: 'ping',
      stream: false,
      options: { num_predict: 2 },
    });
    expect(JSON.parse(generated.text)).toMatchObject({
      response: 'po',
      done_reason: 'length',
    });
  });

  it('ollama embeds at the model embedding length, and through the legacy route', async () => {
    await start('ollama');
    const current = JSON.parse(
      (
        await post('/api/embed', {
          model: 'nomic-embed-text',
          input: ['a', 'b'],
        })
      ).text,
    );
    expect(current.embeddings.map((e: number[]) => e.length)).toEqual([
      768, 768,
    ]);
    const legacy = JSON.parse(
      (
        await post('/api/embeddings', {
          model: 'nomic-embed-text',
          prompt: 'a',
        })
      ).text,
    );
    expect(legacy.embedding).toEqual(current.embeddings[0]);
  });

  it.each([
    ['openai', '/v1/chat/completions', '"code":"model_not_found"'],
    ['openai_compatible', '/v1/embeddings', '"type":"NotFoundError"'],
    ['anthropic', '/v1/messages', '"type":"not_found_error"'],
    ['gemini', '/v1beta/models/nope:generateContent', '"status":"NOT_FOUND"'],
    ['cohere', '/v1/chat', "model 'nope' not found"],
    ['ollama', '/api/chat', '{"error":"model \'nope\' not found"}'],
  ] as const)(
    '%s answers an unknown model with its 404',
    async (provider, path, excerpt) => {
      await start(provider);
      const answer = await post(
        path,
        { model: 'nope', max_tokens: 5, messages: [] },
        ANTHROPIC_HEADERS,
      );
      expect(answer.status).toBe(404);
      expect(answer.text).toContain(excerpt);
    },
  );

  describe('failure behaviours', () => {
    const CHAT = {
      openai: ['/v1/chat/completions', { model: 'gpt-4o-mini', messages: [] }],
      anthropic: [
        '/v1/messages',
        { model: 'claude-haiku-4-5-20251001', max_tokens: 5, messages: [] },
      ],
      gemini: ['/v1beta/models/gemini-2.5-flash:generateContent', {}],
      cohere: ['/v1/chat', { model: 'command-a-03-2025', message: 'ping' }],
      ollama: ['/api/chat', { model: 'llama3.2', messages: [] }],
    } as const;

    it.each([
      ['openai', 'unauthorized', 401, '"code":"invalid_api_key"'],
      ['gemini', 'unauthorized', 400, '"reason":"API_KEY_INVALID"'],
      ['anthropic', 'unauthorized', 401, '"type":"authentication_error"'],
      ['anthropic', 'not_found', 404, '"type":"not_found_error"'],
      ['gemini', 'not_found', 404, '"status":"NOT_FOUND"'],
      ['openai', 'rate_limited', 429, '"code":"rate_limit_exceeded"'],
      ['anthropic', 'rate_limited', 429, '"type":"rate_limit_error"'],
      ['gemini', 'rate_limited', 429, '"status":"RESOURCE_EXHAUSTED"'],
      ['openai', 'quota', 429, '"type":"insufficient_quota"'],
      ['anthropic', 'quota', 402, '"type":"billing_error"'],
      ['cohere', 'quota', 402, '{"message":"Please add'],
      ['cohere', 'server_error', 500, '{"message":"internal server error"}'],
      ['ollama', 'server_error', 500, '{"error":"llama runner'],
      ['openai', 'server_error', 500, '"type":"server_error"'],
    ] as const)(
      '%s in %s mode answers %i in its own shape',
      async (provider, behaviour, status, excerpt) => {
        await start(provider, { behaviour });
        const [path, body] = CHAT[provider];
        const answer = await post(path, body, ANTHROPIC_HEADERS);
        expect(answer.status).toBe(status);
        expect(answer.text).toContain(excerpt);
        if (behaviour === 'rate_limited') {
          expect(answer.headers.get('retry-after')).toBe('1');
        }
      },
    );

    it('openai 429s tell the SDK not to retry, and the behaviour can change while running', async () => {
      await start('openai', { behaviour: 'rate_limited' });
      const [path, body] = CHAT.openai;
      const limited = await post(path, body);
      expect(limited.headers.get('x-should-retry')).toBe('false');
      double.behaviour = 'ok';
      expect((await post(path, body)).status).toBe(200);
    });

    it('leaves model listing alone', async () => {
      await start('openai', { behaviour: 'server_error' });
      expect((await fetch(`${double.baseUrl}/models`)).status).toBe(200);
    });

    it('malformed answers 200 with a body that does not parse, streamed or not', async () => {
      await start('ollama', { behaviour: 'malformed' });
      const [path, body] = CHAT.ollama;
      for (const stream of [true, false]) {
        const answer = await post(path, { ...body, stream });
        expect(answer.status).toBe(200);
        expect(() =>
          answer.text
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line)),
        ).toThrow(SyntaxError);
      }
    });

    it('wrong_dimensions returns vectors half as long as asked or configured', async () => {
      await start('openai', { behaviour: 'wrong_dimensions' });
      const openai = JSON.parse(
        (
          await post('/v1/embeddings', {
            model: 'text-embedding-3-small',
            input: 'a',
            dimensions: 16,
            encoding_format: 'float',
          })
        ).text,
      );
      expect(openai.data[0].embedding).toHaveLength(8);
      await double.close();
      await start('ollama', { behaviour: 'wrong_dimensions' });
      const ollama = JSON.parse(
        (await post('/api/embed', { model: 'nomic-embed-text', input: 'a' }))
          .text,
      );
      expect(ollama.embeddings[0]).toHaveLength(384);
    });

    it('slow waits slowMs and then answers', async () => {
      await start('cohere', { behaviour: 'slow', slowMs: 150 });
      const started = Date.now();
      const answer = await post(...CHAT.cohere);
      expect(answer.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('close() does not wait for a slow answer', async () => {
      await start('openai', { behaviour: 'slow', slowMs: 60_000 });
      const pending = post(...CHAT.openai);
      await waitFor(() => double.requests.length === 1);
      const started = Date.now();
      await double.close();
      expect(Date.now() - started).toBeLessThan(1000);
      await expect(pending).rejects.toThrow();
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
