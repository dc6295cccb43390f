/** A fixed creation time (2025-01-01), so listings are identical across runs. */
const createdAt = 1_735_689_600;

function renderModel(id: string): Record<string, unknown> {
  return { id, object: 'model', created: createdAt, owned_by: 'arbiter-simulator' };
}

/** `GET …/models` (PROVIDERS.md §2.8): every behaviour the simulator knows by name. */
export function renderOpenAIModels(modelIds: Iterable<string>): string {
  return JSON.stringify({ object: 'list', data: [...modelIds].map(renderModel) }, null, 2);
}

/** `GET …/models/{id}`: one model object. */
export function renderOpenAIModel(id: string): string {
  return JSON.stringify(renderModel(id), null, 2);
}
