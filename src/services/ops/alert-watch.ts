import type { Logger } from '../../logger.js';
import type { Balance, SettleOutcome } from '../credits/index.js';
import { relativeTime } from '../delivery/style.js';
import type { JobRecord } from '../jobs/job-record.js';
import type { AdminAlerts, Alert } from './admin-alerts.js';
import type { PercifyReachability, ReachabilityState } from './percify-reachability.js';

export interface AlertWatchOptions {
  alerts: Pick<AdminAlerts, 'notify' | 'notifyAll'>;
  ledger: { balance(guildId: string, memberId: string, roleIds: readonly string[]): Promise<Balance> };
  percifyBalance: () => Promise<{ balance: number }>;
  reachability: PercifyReachability;
  logger: Logger;
  /** Below this many credits on the operator's Percify account, admins are told. */
  lowCredits: number;
  /** How long Percify may be unreachable before admins are told. */
  unreachableAfterMs: number;
  now?: () => number;
  /** How often the account balance is read at most (default a minute). */
  balanceEveryMs?: number;
}

/** A server's budget counts as nearly spent when this share of it is spent or held. */
export const BUDGET_NEARLY_SPENT = 0.9;

/** Alerts are posted in each server's alerts channel, in that server's language (AdminAlerts). */
const OUT_OF_CREDITS: Alert = {
  kind: 'percify-out-of-credits',
  text: (tr) => ({
    title: tr.t('quota.alerts.outOfCreditsTitle'),
    description: tr.t('quota.alerts.outOfCredits'),
  }),
};

/**
 * Decides when admins hear about something: watches settled jobs (budget, account balance), failed
 * jobs (the account ran dry) and Percify's reachability, and hands the alerts to AdminAlerts, which
 * rate-limits them.
 */
export class AlertWatch {
  readonly #now: () => number;
  #balanceReadAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;
  readonly #stopWatching: () => void;

  constructor(private readonly options: AlertWatchOptions) {
    this.#now = options.now ?? Date.now;
    this.#stopWatching = options.reachability.onChange((state) => this.#reachabilityChanged(state));
  }

  /** Reads the account balance now and then even when no job runs (a top-up elsewhere, a refund). */
  start(everyMs = 5 * 60_000): void {
    this.#timer = setInterval(() => {
      this.#run(this.checkAccount(true));
      this.#reachabilityChanged(this.options.reachability.state());
    }, everyMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#stopWatching();
  }

  /** After each charge: is the server's budget nearly spent, is the operator's account running low? */
  onSettled(outcome: SettleOutcome): void {
    if (outcome.status !== 'captured') return;
    const { guildId, memberId } = outcome.reservation;
    this.#run(this.#checkBudget(guildId, memberId));
    this.#run(this.checkAccount(false));
  }

  onJobFinished(job: JobRecord): void {
    if (job.failure?.code === 'operator_out_of_credits')
      this.#run(this.options.alerts.notifyAll(OUT_OF_CREDITS));
  }

  /** Reads Percify's balance (at most once per `balanceEveryMs` unless forced) and alerts when low. */
  async checkAccount(force: boolean): Promise<void> {
    const now = this.#now();
    if (!force && now - this.#balanceReadAt < (this.options.balanceEveryMs ?? 60_000)) return;
    this.#balanceReadAt = now;
    const { balance } = await this.options.percifyBalance();
    if (balance <= 0) return this.options.alerts.notifyAll(OUT_OF_CREDITS);
    if (balance < this.options.lowCredits) {
      const threshold = this.options.lowCredits;
      return this.options.alerts.notifyAll({
        kind: 'percify-credits-low',
        text: (tr) => ({
          title: tr.t('quota.alerts.creditsLowTitle'),
          description: tr.t('quota.alerts.creditsLow', { balance, threshold }),
        }),
      });
    }
  }

  async #checkBudget(guildId: string, memberId: string): Promise<void> {
    const { budget } = await this.options.ledger.balance(guildId, memberId, []);
    if (!budget || budget.spent + budget.reserved < budget.credits * BUDGET_NEARLY_SPENT) return;
    const vars = {
      used: budget.spent + budget.reserved,
      budget: budget.credits,
      when: relativeTime(budget.resetsAt),
    };
    await this.options.alerts.notify(guildId, {
      kind: 'budget-nearly-spent',
      text: (tr) => ({
        title: tr.t('quota.alerts.budgetTitle'),
        description: tr.t(
          budget.period === 'day' ? 'quota.alerts.budgetDay' : 'quota.alerts.budgetMonth',
          vars,
        ),
      }),
    });
  }

  #reachabilityChanged(state: ReachabilityState): void {
    if (state.downSince === undefined || this.#now() - state.downSince < this.options.unreachableAfterMs)
      return;
    const minutes = Math.max(1, Math.round((this.#now() - state.downSince) / 60_000));
    this.#run(
      this.options.alerts.notifyAll({
        kind: 'percify-unreachable',
        text: (tr) => ({
          title: tr.t('quota.alerts.unreachableTitle'),
          description: tr.t('quota.alerts.unreachable', { minutes }),
        }),
      }),
    );
  }

  /** Alerts are best effort: a failure to decide or post is logged, never thrown into a job. */
  #run(work: Promise<unknown>): void {
    work.catch((error: unknown) => this.options.logger.warn({ err: error }, 'alert check failed'));
  }
}
