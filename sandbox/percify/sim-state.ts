import type { Logger } from '../../src/logger.js';
import { PLAN_DAILY_VIDEOS, PLAN_SLOTS } from './catalog.js';
import { CreditAccount } from './credit-account.js';
import type { MediaStore } from './media/media-store.js';
import { PlanSlots } from './plan-slots.js';
import type { FaultSwitches, PercifyPlan, SimAudio, SimAvatar, SimVideo } from './types.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

/** Private bookkeeping for a video beside its public JSON. */
export interface VideoFiles {
  /** The clip without speech (kept so add-audio can re-render from it). */
  silentFile?: string;
  currentFile?: string;
  renders: number;
}

export interface SimStateOptions {
  plan: PercifyPlan;
  speed: number;
  mediaScale: number;
  now: () => number;
  initialCredits: number;
  blockedWords: string[];
  logger: Logger;
  faults: FaultSwitches;
  media: MediaStore;
  webhooks: WebhookDispatcher;
}

/** Everything the routes and jobs share: records, credits, plan slots, faults, media and webhooks. */
export class SimState {
  readonly avatars = new Map<string, SimAvatar>();
  readonly avatarFiles = new Map<string, string>();
  readonly videos = new Map<string, SimVideo>();
  readonly videoFiles = new Map<string, VideoFiles>();
  readonly audios = new Map<string, SimAudio>();
  readonly audioFiles = new Map<string, string>();
  readonly credits: CreditAccount;
  readonly slots: PlanSlots;
  readonly plan: PercifyPlan;
  readonly speed: number;
  readonly mediaScale: number;
  readonly now: () => number;
  readonly blockedWords: string[];
  readonly logger: Logger;
  readonly faults: FaultSwitches;
  readonly media: MediaStore;
  readonly webhooks: WebhookDispatcher;
  /** Set by the server once it listens, so records can carry absolute media URLs. */
  origin = '';
  private readonly videosPerDay = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(options: SimStateOptions) {
    this.plan = options.plan;
    this.speed = options.speed;
    this.mediaScale = options.mediaScale;
    this.now = options.now;
    this.blockedWords = options.blockedWords;
    this.logger = options.logger;
    this.faults = options.faults;
    this.media = options.media;
    this.webhooks = options.webhooks;
    this.credits = new CreditAccount(options.initialCredits);
    this.slots = new PlanSlots(PLAN_SLOTS[options.plan]);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Waits the documented processing time divided by the speed-up. Never resolves after close. */
  processingDelay(documentedSeconds: number): Promise<void> {
    return this.sleep((documentedSeconds * 1000) / this.speed);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.closed) resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Decided when a job is accepted: the failure switches apply to the next accepted generations. */
  takeFailureDecision(): boolean {
    if (this.faults.failNextGenerations > 0) {
      this.faults.failNextGenerations -= 1;
      return true;
    }
    return Math.random() < this.faults.generationFailureRate;
  }

  dailyVideoLimit(): number {
    return PLAN_DAILY_VIDEOS[this.plan];
  }

  videosToday(): number {
    return this.videosPerDay.get(this.dayKey()) ?? 0;
  }

  countVideoToday(): void {
    const key = this.dayKey();
    this.videosPerDay.set(key, (this.videosPerDay.get(key) ?? 0) + 1);
  }

  mediaUrl(path: string): string {
    return `${this.origin}${path}`;
  }

  close(): void {
    this.closed = true;
    this.slots.close();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Daily caps reset at UTC midnight (the docs leave this open). */
  private dayKey(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }
}
