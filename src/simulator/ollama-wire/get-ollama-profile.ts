import { getBehaviourProfile, type BehaviourProfile } from '../behaviour-profiles.js';

/** Ollama's default tag: `sim-fast` and `sim-fast:latest` name the same model. */
const defaultTag = ':latest';

/** The behaviour a model name selects, with Ollama's default tag removed first. */
export function getOllamaProfile(
  model: string,
  profiles: ReadonlyMap<string, BehaviourProfile>,
): BehaviourProfile | undefined {
  const name = model.endsWith(defaultTag) ? model.slice(0, -defaultTag.length) : model;
  return getBehaviourProfile(name, profiles);
}
