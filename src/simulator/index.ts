export { createSimulator } from './create-simulator.js';
export type { Simulator, SimulatorOptions } from './create-simulator.js';
export { parseSimulatorProfiles, parseBehaviourProfile } from './parse-simulator-profiles.js';
export { builtInProfiles } from './behaviour-profiles.js';
export type { BehaviourMode, BehaviourProfile } from './behaviour-profiles.js';
export type { RecordedRequest } from './recorded-request.js';
export type { SimulatorStats } from './simulator-state.js';
