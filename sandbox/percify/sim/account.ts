import { ApiError } from './errors.js';

/**
 * Credits. Accepting a job reserves its price so the same credits cannot be promised twice; the
 * reservation becomes a debit when the job completes and is released when it fails.
 */
export class Account {
  private balance: number;
  private reservedTotal = 0;
  private spentTotal = 0;

  constructor(initial: number) {
    this.balance = initial;
  }

  get credits(): number {
    return this.balance;
  }
  set credits(value: number) {
    this.balance = value;
  }
  get reserved(): number {
    return this.reservedTotal;
  }
  get spent(): number {
    return this.spentTotal;
  }
  available(): number {
    return Math.max(0, this.balance - this.reservedTotal);
  }

  /** Throws 402 insufficient_credits built by `describe` when the price is not covered. */
  reserve(amount: number, describe: (available: number) => ApiError): void {
    const available = this.available();
    if (amount > available) throw describe(available);
    this.reservedTotal += amount;
  }

  commit(amount: number): void {
    this.reservedTotal = Math.max(0, this.reservedTotal - amount);
    this.balance -= amount;
    this.spentTotal += amount;
  }

  release(amount: number): void {
    this.reservedTotal = Math.max(0, this.reservedTotal - amount);
  }
}

export function insufficientCredits(required: number, available: number): ApiError {
  return new ApiError(
    402,
    'insufficient_credits',
    `Not enough credits. Required: ${required}, Available: ${available}`,
    { required, available, shortfall: required - available },
  );
}
