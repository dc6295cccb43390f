import { builtInProfiles, getBehaviourProfile, type BehaviourProfile } from '../behaviour-profiles.js';

/**
 * A model only the Responses wire knows: it streams like `sim-fast` for a few deltas (the profile's
 * `cutAfterChunks`), then sends an `error` event and `response.failed`, as OpenAI does when generation
 * fails after the stream has started. It tests a gateway's commit point. Non-streamed requests to it
 * get the 500 OpenAI answers when generation fails before anything was sent.
 */
export const failMidstreamModel = 'sim-fail-midstream';

/** The behaviour a model name selects on this wire, or undefined for an unknown `sim-*` name. */
export function getResponsesBehaviour(
  model: string,
  profiles: ReadonlyMap<string, BehaviourProfile>,
): { profile: BehaviourProfile; isFailingMidstream: boolean } | undefined {
  const isFailingMidstream = model === failMidstreamModel;
  const profile = isFailingMidstream
    ? (profiles.get(model) ?? profiles.get('sim-fast') ?? builtInProfiles['sim-fast']!)
    : getBehaviourProfile(model, profiles);
  return profile === undefined ? undefined : { profile, isFailingMidstream };
}
