/**
 * Texts the jobs and the delivery write for the logs, the ledger and admins only, never shown to a
 * member (who reads catalog messages, `guide.*`, instead): kept together so the member-facing files
 * around them hold no English of their own. The ledger's release reasons keep their wording:
 * `/credits` maps the recorded reasons to a refund phrase (delivery/refund-reasons.ts), and older
 * records carry these.
 */
export const LOG_TEXTS = {
  slowDown: 'Percify asked us to slow down; waiting',
  unreachable: 'Percify is unreachable; waiting',
  avatarNotReady: 'the avatar is still being finished; waiting',
  /** A hold whose first answer could not be sent (refund-reasons.ts knows it word for word). */
  unanswered: 'the first answer could not be sent',
  /** Why a delivery stopped (DeliveryFailedError, in the runner's log). */
  deliveryTransient: (path: string) => `could not deliver by ${path}`,
  uploadTooLarge: 'the upload is over Discord’s limit',
  noPathLeft: 'no way left to reach the member',
} as const;
