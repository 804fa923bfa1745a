import type { InsufficientCredits } from '../credits/index.js';
import { credits, relativeTime } from './style.js';

/**
 * The one answer when a job cannot be paid for: what it costs, what is left, and what the member can
 * do next, said once. A refusal that is not about money (a limit, too many jobs running) is the
 * ledger's own sentence.
 */
export function creditsRefusal(refused: InsufficientCredits): string {
  const when = refused.resetsAt === undefined ? undefined : relativeTime(refused.resetsAt);
  const left = refused.available === 0 ? 'none' : String(refused.available);
  switch (refused.limitedBy) {
    case 'allowance':
      return (
        `💳 Not enough credits: this costs **${credits(refused.required)}** and you have ${left} left today. ` +
        (when ? `Your allowance refills ${when}, or ask an admin for more.` : 'Ask an admin for more.')
      );
    case 'budget':
      return (
        `💳 The server's budget has ${left} left and this costs **${credits(refused.required)}**.` +
        (when ? ` It renews ${when}.` : '')
      );
    default:
      return refused.detail;
  }
}
