import { z } from 'zod';
import type { PercifySimulator } from '../percify/index.js';

/**
 * The playground's side panel: the simulated Percify account as a person would see it on their dashboard,
 * and a few fault switches so they can watch the bot cope. Each switch maps to simulator knobs chosen to
 * be visible within seconds but survivable by the bot's retries.
 */

export const SLOW_LATENCY_MS = 2000;
export const ERROR_RATE = 0.3;
export const FAILURE_RATE = 0.5;

export const PanelChange = z.object({
  /** Every API call answers 2 s late. */
  slow: z.boolean().optional(),
  /** 30% of API calls answer 503 (the client retries them). */
  errors: z.boolean().optional(),
  /** Half of the generations fail (the member is refunded). */
  failures: z.boolean().optional(),
  /** Webhooks are never delivered (the bot falls back to polling). */
  dropWebhooks: z.boolean().optional(),
  credits: z.number().int().min(0).max(10_000_000).optional(),
});
export type PanelChange = z.infer<typeof PanelChange>;

export interface PanelJob {
  id: string;
  kind: 'avatar' | 'video' | 'audio';
  status: string;
  label: string;
  createdAt: string;
}

export interface PanelState {
  ready: boolean;
  plan: string;
  speed: number;
  credits: number;
  inFlight: number;
  jobs: PanelJob[];
  faults: { slow: boolean; errors: boolean; failures: boolean; dropWebhooks: boolean };
}

export function panelState(percify: PercifySimulator | undefined, plan: string, speed: number): PanelState {
  if (!percify) {
    return {
      ready: false,
      plan,
      speed,
      credits: 0,
      inFlight: 0,
      jobs: [],
      faults: { slow: false, errors: false, failures: false, dropWebhooks: false },
    };
  }
  const jobs: PanelJob[] = [
    ...percify.avatars().map((a) => ({
      id: a.id,
      kind: 'avatar' as const,
      status: a.status,
      label: a.prompt,
      createdAt: a.createdAt,
    })),
    ...percify.videos().map((v) => ({
      id: v.id,
      kind: 'video' as const,
      status: v.status,
      label: `${v.durationSeconds} s ${v.studioTier} from ${v.avatarId}`,
      createdAt: v.createdAt,
    })),
    ...percify.audios().map((a) => ({
      id: a.id,
      kind: 'audio' as const,
      status: a.status,
      label: a.text,
      createdAt: a.createdAt,
    })),
  ];
  // Running jobs first, then the most recent finished ones: what a person watching wants to see.
  const running = jobs.filter((j) => j.status === 'queued' || j.status === 'processing');
  const finished = jobs
    .filter((j) => j.status === 'completed' || j.status === 'failed')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 8);
  const f = percify.faults;
  return {
    ready: true,
    plan,
    speed,
    credits: percify.credits(),
    inFlight: percify.inFlight(),
    jobs: [...running, ...finished],
    faults: {
      slow: f.latencyMs > 0,
      errors: f.serverErrorRate > 0,
      failures: f.generationFailureRate > 0,
      dropWebhooks: f.dropWebhooks,
    },
  };
}

export function applyPanelChange(percify: PercifySimulator, change: PanelChange): void {
  const f = percify.faults;
  if (change.slow !== undefined) f.latencyMs = change.slow ? SLOW_LATENCY_MS : 0;
  if (change.errors !== undefined) f.serverErrorRate = change.errors ? ERROR_RATE : 0;
  if (change.failures !== undefined) f.generationFailureRate = change.failures ? FAILURE_RATE : 0;
  if (change.dropWebhooks !== undefined) f.dropWebhooks = change.dropWebhooks;
  if (change.credits !== undefined) percify.setCredits(change.credits);
}
