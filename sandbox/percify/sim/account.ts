import { ApiError } from './errors.js';
import { isoSeconds, newId } from './ids.js';

/** One line of `GET /user/credits/history` (docs 7.3): `balance` is the balance after it. */
export interface CreditTransaction {
  id: string;
  type: 'debit' | 'credit';
  amount: number;
  balance: number;
  description: string;
  resourceType: 'avatar' | 'video' | 'audio' | 'voice' | 'purchase';
  resourceId: string | null;
  createdAt: string;
}

/** What a debit was for. */
export interface ChargedResource {
  type: 'avatar' | 'video' | 'audio' | 'voice';
  id: string;
}

const DESCRIPTIONS: Record<ChargedResource['type'], string> = {
  avatar: 'avatar generation',
  video: 'video generation',
  audio: 'audio generation',
  voice: 'voice cloning',
};

/**
 * Credits. Accepting a job reserves its price so the same credits cannot be promised twice; the
 * reservation becomes a debit when the job completes and is released when it fails.
 */
export class Account {
  private balance: number;
  private reservedTotal = 0;
  private spentTotal = 0;
  /** Newest first, as Percify lists them. */
  private readonly history: CreditTransaction[] = [];
  constructor(
    initial: number,
    private readonly now: () => number = Date.now,
    /** Debited on top of every charge (a fault switch), for tests of a client's reconciliation. */
    private readonly extraDebit: () => number = () => 0,
  ) {
    this.balance = initial;
  }

  get transactions(): readonly CreditTransaction[] {
    return this.history;
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

  /** The job completed: its reserved price becomes a debit in the credit history. */
  commit(amount: number, resource: ChargedResource): void {
    this.reservedTotal = Math.max(0, this.reservedTotal - amount);
    const debited = amount + this.extraDebit();
    this.balance -= debited;
    this.spentTotal += debited;
    this.history.unshift({
      id: newId('txn'),
      type: 'debit',
      amount: debited,
      balance: this.balance,
      description: DESCRIPTIONS[resource.type],
      resourceType: resource.type,
      resourceId: resource.id,
      createdAt: isoSeconds(this.now()),
    });
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
