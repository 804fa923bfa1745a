import type { Route, RouteRequest } from './server.js';
import { pageOf } from './validate.js';
import type { SimContext } from './types.js';

export function accountRoutes(context: SimContext): Route[] {
  const balance = (): { status: number; body: unknown } => ({
    status: 200,
    body: {
      balance: context.account.credits,
      reserved: context.account.reserved,
      lifetime: { spent: context.account.spent },
      tier: context.plan,
    },
  });
  // Docs 7.3: `{ transactions, pagination }`, newest first, with `limit` and `offset`.
  const history = ({ query }: RouteRequest): { status: number; body: unknown } => {
    const { page, pagination } = pageOf([...context.account.transactions], query);
    return { status: 200, body: { transactions: page, pagination } };
  };
  // The OpenAPI file's `/credits/history` only; for clients that must fall back to it.
  const onlyLegacyHistory = (request: RouteRequest) =>
    context.faults.legacyCreditHistoryOnly
      ? { status: 404, body: { error: { code: 'not_found', message: 'Not found' } } }
      : history(request);
  return [
    { method: 'GET', pattern: /^\/v1\/user\/credits\/history$/, handle: onlyLegacyHistory },
    { method: 'GET', pattern: /^\/v1\/credits\/history$/, handle: history },
    { method: 'GET', pattern: /^\/v1\/user\/credits\/balance$/, handle: balance },
    { method: 'GET', pattern: /^\/v1\/credits\/balance$/, handle: balance },
  ];
}
