/** The Percify simulator: a faithful stand-in for the Percify API, for tests and the sandbox. */
export {
  startPercifySimulator,
  signBody,
  type PercifySimulator,
  type PercifySimulatorOptions,
  type FaultSwitches,
  type SimAvatar,
  type SimVideo,
  type SimAudio,
  type SimVoice,
  type RequestRecord,
  type WebhookDelivery,
} from './sim/simulator.js';
