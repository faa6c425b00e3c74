import { createHash } from 'node:crypto';
import type { JsonObject } from './double-definition';

/** What every double's models answer. */
export const REPLY = 'pong';
/** A fixed timestamp, so answers are the same on every run. */
export const CREATED_AT = '2025-01-01T00:00:00Z';
export const CREATED_SECONDS = 1_735_689_600;

export interface Completion {
  text: string;
  /** Cut short by the client's token limit. */
  truncated: boolean;
  inputTokens: number;
  outputTokens: number;
}

/** The reply to `prompt`: "pong", cut to `maxTokens` characters when that is smaller (one token per character). */
export function complete(prompt: unknown, maxTokens: unknown): Completion {
  const limit =
    typeof maxTokens === 'number' && maxTokens >= 0 ? maxTokens : Infinity;
  const text = REPLY.slice(0, limit);
  return {
    text,
    truncated: text.length < REPLY.length,
    inputTokens: tokenCount(prompt),
    outputTokens: text.length,
  };
}

/** About four characters a token, as providers estimate. */
export function tokenCount(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The texts of an `input`/`texts` field: one string or a list (token arrays count as their JSON). */
export function textsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) =>
    typeof item === 'string' ? item : JSON.stringify(item ?? ''),
  );
}

/** The same vector for the same text and size; values are exact float32s so base64 round-trips. */
export function embed(text: string, size: number): number[] {
  const seed = createHash('sha256').update(text).digest();
  return Array.from({ length: size }, (_, i) =>
    Math.fround((seed[i % seed.length] + i) / 256 - 0.5),
  );
}

/** A vector as openai-node reads `encoding_format: "base64"`: little-endian float32s. */
export function float32Base64(vector: number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => buffer.writeFloatLE(value, i * 4));
  return buffer.toString('base64');
}

export interface Ranked {
  index: number;
  relevance_score: number;
}

/**
 * Documents by how many of the query's words they contain, best first; ties keep the documents' order.
 * Scores fall from just under 1 and stay above 0.
 */
export function rerank(
  query: string,
  documents: string[],
  topN: unknown,
): Ranked[] {
  const words = new Set(wordsOf(query));
  const ranked = documents
    .map((document, index) => {
      const shared = wordsOf(document).filter((word) => words.has(word));
      const overlap = new Set(shared).size / Math.max(1, words.size);
      return {
        index,
        relevance_score: Number(
          (0.9 * overlap + 0.09 / (index + 1) + 0.001).toFixed(6),
        ),
      };
    })
    .sort((a, b) => b.relevance_score - a.relevance_score);
  return typeof topN === 'number' && topN > 0 ? ranked.slice(0, topN) : ranked;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
}

/** A document as rerank APIs take it: a string or `{ text }`. */
export function documentText(document: unknown): string {
  if (typeof document === 'string') return document;
  const text = (document as JsonObject | null)?.['text'];
  return typeof text === 'string' ? text : JSON.stringify(document);
}

/** Whether the client asked for a stream (`stream: true`). */
export function streams(body: JsonObject, byDefault = false): boolean {
  const stream = body['stream'];
  return typeof stream === 'boolean' ? stream : byDefault;
}
