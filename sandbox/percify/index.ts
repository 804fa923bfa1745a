export { startPercifySimulator, defaultFaults } from './simulator.js';
export { probeMedia, FFMPEG_PATH, type MediaProbe } from './media/ffmpeg.js';
export { videoPrice, audioPrice, estimateSpeechSeconds, ASPECT_DIMENSIONS, AVATAR_PRICE } from './catalog.js';
export type {
  PercifySimulator,
  PercifySimulatorOptions,
  FaultSwitches,
  SimAvatar,
  SimVideo,
  SimAudio,
  SimError,
  SimRequestRecord,
  SimWebhookDelivery,
  PercifyPlan,
  GenerationStatus,
} from './types.js';
