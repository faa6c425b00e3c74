import {
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import type { ProviderId } from '@llm-registry/contracts';
import { createChatModel, createEmbeddings } from './create-langchain-model';
import { isReasoningModel } from './openai.langchain';

describe('OpenAI-wire LangChain adapters', () => {
  let double: ProviderDouble;
  afterEach(() => double?.close());

  function target(provider: ProviderId, credentials = {}) {
    return { provider, baseUrl: double.baseUrl, settings: {}, credentials };
  }

  function lastBody(): Record<string, unknown> {
    return JSON.parse(double.requests[double.requests.length - 1].body);
  }

  it('tells reasoning models as LangChain does', () => {
    expect(
      ['o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini'].every(
        isReasoningModel,
      ),
    ).toBe(true);
    expect(['gpt-4o', 'gpt-5-chat-latest', 'omni'].some(isReasoningModel)).toBe(
      false,
    );
  });

  it('sends max_completion_tokens and no sampling params to reasoning models', async () => {
    double = await startProviderDouble('openai', {
      models: [{ id: 'o3-mini' }],
    });
    const model = await createChatModel(target('openai', { apiKey: 'k' }), {
      modelName: 'o3-mini',
      type: 'generation',
      params: { temperature: 0.2, top_p: 0.9, max_output_tokens: 32 },
    });
    await model.invoke('ping');
    const body = lastBody();
    expect(body).toMatchObject({ model: 'o3-mini', max_completion_tokens: 32 });
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
  });

  it('sends max_tokens, temperature and top_p to other models', async () => {
    double = await startProviderDouble('openai');
    const model = await createChatModel(target('openai', { apiKey: 'k' }), {
      modelName: 'gpt-4o-mini',
      type: 'ner',
      params: { temperature: 0.2, top_p: 0.9, max_output_tokens: 32 },
    });
    await model.invoke('ping');
    expect(lastBody()).toMatchObject({
      max_tokens: 32,
      temperature: 0.2,
      top_p: 0.9,
    });
  });

  it('asks compatible servers for float embeddings', async () => {
    double = await startProviderDouble('openai_compatible');
    const embeddings = await createEmbeddings(target('openai_compatible'), {
      modelName: 'nomic-ai/nomic-embed-text-v1.5',
      type: 'embedding',
      params: {},
    });
    await embeddings.embedQuery('ping');
    expect(lastBody()).toMatchObject({ encoding_format: 'float' });
  });

  describe('with OPENAI_* variables set', () => {
    const saved = { ...process.env };
    beforeEach(() => {
      process.env['OPENAI_API_KEY'] = 'sk-from-env';
      process.env['OPENAI_ORGANIZATION'] = 'org-from-env';
      process.env['OPENAI_PROJECT'] = 'proj-from-env';
    });
    afterEach(() => {
      process.env = { ...saved };
    });

    it('sends a dummy key and no organization, never the environment’s', async () => {
      double = await startProviderDouble('openai_compatible');
      const model = await createChatModel(target('openai_compatible'), {
        modelName: 'Qwen/Qwen2.5-0.5B-Instruct',
        type: 'generation',
        params: {},
      });
      await model.invoke('ping');
      const { headers } = double.requests[double.requests.length - 1];
      expect(headers['authorization']).toBe('Bearer not-needed');
      expect(headers).not.toHaveProperty('openai-organization');
      expect(headers).not.toHaveProperty('openai-project');
    });
  });
});
