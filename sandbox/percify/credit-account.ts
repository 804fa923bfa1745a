import type { ApiError } from './api-error.js';

/**
 * The account's credits. Jobs reserve at accept time so the same credits cannot be promised twice,
 * and are debited only when they succeed (the docs: "debit only when the job succeeds").
 */
export class CreditAccount {
  private balanceValue: number;
  private reservedValue = 0;
  private spentValue = 0;

  constructor(initial: number) {
    this.balanceValue = initial;
  }

  get balance(): number {
    return this.balanceValue;
  }
  get reserved(): number {
    return this.reservedValue;
  }
  get spent(): number {
    return this.spentValue;
  }
  get available(): number {
    return Math.max(0, this.balanceValue - this.reservedValue);
  }

  setBalance(value: number): void {
    this.balanceValue = value;
  }

  /** Throws 402 insufficient_credits (with the caller's message and details) when the cost does not fit. */
  reserve(cost: number, onShort: (available: number) => ApiError): void {
    if (cost > this.available) throw onShort(this.available);
    this.reservedValue += cost;
  }

  capture(cost: number): void {
    this.reservedValue = Math.max(0, this.reservedValue - cost);
    this.balanceValue -= cost;
    this.spentValue += cost;
  }

  release(cost: number): void {
    this.reservedValue = Math.max(0, this.reservedValue - cost);
  }
}
