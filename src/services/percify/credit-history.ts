import { z } from 'zod';

/**
 * `GET /user/credits/history` (docs 7.3): `{ transactions: [...], pagination: { total, limit,
 * offset, hasMore } }`. The prose page's `type` is `debit`/`credit`; the OpenAPI file's is
 * `purchase`/`usage`/`refund`/`bonus`: both are read, and what a transaction means for a job is
 * decided by `chargeOf`.
 */
const transactionSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  amount: z.number(),
  balance: z.number().optional(),
  description: z.string().nullish(),
  resourceType: z.string().nullish(),
  resourceId: z.string().nullish(),
  createdAt: z.string(),
});
export type CreditTransaction = z.output<typeof transactionSchema>;

export const creditHistorySchema = z.looseObject({
  transactions: z.array(transactionSchema),
  pagination: z
    .looseObject({
      total: z.number().optional(),
      limit: z.number().optional(),
      offset: z.number().optional(),
      hasMore: z.boolean().optional(),
    })
    .optional(),
});
export type CreditHistoryPage = z.output<typeof creditHistorySchema>;

const DEBITS = new Set(['debit', 'usage']);
const CREDITS_BACK = new Set(['credit', 'refund']);

/**
 * What a transaction charged the operator for its resource: positive for a debit, negative for a
 * refund, 0 for what is not about a job (purchases, bonuses). The sign of `amount` is not relied on,
 * since the docs never show a debit's.
 */
export function chargeOf(transaction: CreditTransaction): number {
  if (!transaction.resourceId || transaction.resourceType === 'purchase') return 0;
  if (DEBITS.has(transaction.type)) return Math.abs(transaction.amount);
  if (CREDITS_BACK.has(transaction.type)) return -Math.abs(transaction.amount);
  return 0;
}
