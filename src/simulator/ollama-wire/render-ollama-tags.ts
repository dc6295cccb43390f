import { createSeededRandom, hashSeed } from '../seeded-random.js';

/** A fixed modification time, so listings are identical across runs. */
const modifiedAt = '2025-01-01T00:00:00.000000000Z';

/**
 * `GET …/api/tags` (PROVIDERS.md §7.4): every behaviour the simulator knows, as pulled models with
 * Ollama's default `:latest` tag, a digest fixed by the name, and the details of a small llama model.
 */
export function renderOllamaTags(modelIds: Iterable<string>): string {
  const models = [...modelIds].map((id) => {
    const name = `${id}:latest`;
    return {
      name,
      model: name,
      modified_at: modifiedAt,
      size: 2_019_393_189,
      digest: createSeededRandom(hashSeed('ollama-digest', id)).hex(64),
      details: {
        parent_model: '',
        format: 'gguf',
        family: 'llama',
        families: ['llama'],
        parameter_size: '3.2B',
        quantization_level: 'Q4_K_M',
      },
    };
  });
  return JSON.stringify({ models });
}
