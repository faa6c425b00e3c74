import type { ModelType } from '@llm-registry/contracts';

/** Speech, image, moderation and legacy completion models: nothing the registry serves. */
const NOT_OURS =
  /whisper|tts|dall-e|davinci-002|babbage|moderation|image|audio|realtime|transcribe|sora/;

/** For providers that list bare ids (OpenAI and compatible servers): a guess the admin can correct. */
export function guessTypeFromName(modelName: string): ModelType | null {
  const name = modelName.toLowerCase();
  if (name.includes('embed')) return 'embedding';
  if (name.includes('rerank')) return 'rerank';
  if (NOT_OURS.test(name)) return null;
  return 'generation';
}
