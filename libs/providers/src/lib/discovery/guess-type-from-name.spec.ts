import { guessTypeFromName } from './guess-type-from-name';

describe('guessTypeFromName', () => {
  it.each([
    ['text-embedding-3-small', 'embedding'],
    ['nomic-ai/nomic-embed-text-v1.5', 'embedding'],
    ['BAAI/bge-reranker-v2-m3', 'rerank'],
    ['gpt-4o-mini', 'generation'],
    ['accounts/fireworks/models/llama-v3p1-8b-instruct', 'generation'],
    ['whisper-1', null],
    ['tts-1-hd', null],
    ['dall-e-3', null],
    ['davinci-002', null],
    ['babbage-002', null],
    ['omni-moderation-latest', null],
    ['gpt-image-1', null],
    ['gpt-4o-audio-preview', null],
    ['gpt-4o-realtime-preview', null],
    ['gpt-4o-transcribe', null],
    ['sora-2', null],
  ])('guesses %s as %s', (name, type) => {
    expect(guessTypeFromName(name)).toBe(type);
  });
});
