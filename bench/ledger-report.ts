import type { LedgerBenchRow } from './ledger.js';
import { ms, table } from './stats.js';

/** The ledger scaling section: one reserve + capture against the size of a guild, per database. */
export function formatLedgerSection(rows: readonly LedgerBenchRow[]): string {
  const lines = [
    'Ledger: one reserve + capture in a guild where N members have spent (200 in a row, each)',
    table([
      ['backend', 'members', 'p50', 'p99', 'p50 / p50 at 100'],
      ...rows.map((row) => {
        const base = rows.find((other) => other.backend === row.backend && other.members === 100);
        return [
          row.backend,
          String(row.members),
          ms(row.p50),
          ms(row.p99),
          base ? (row.p50 / base.p50).toFixed(2) : '',
        ];
      }),
    ]),
    '',
  ];
  for (const backend of new Set(rows.map((row) => row.backend))) {
    const small = rows.find((row) => row.backend === backend && row.members === 100);
    const large = rows.find((row) => row.backend === backend && row.members === 10_000);
    if (small && large) {
      const ratio = large.p50 / small.p50;
      lines.push(
        `${ratio <= 1.5 ? 'PASS' : 'FAIL'}  ${backend}: 10,000 members within 1.5 × of 100 (${ratio.toFixed(2)}×)`,
      );
    }
  }
  const sqlite = rows.find((row) => row.backend === 'sqlite' && row.members === 10_000);
  if (sqlite)
    lines.push(
      `${sqlite.p50 < 5 ? 'PASS' : 'FAIL'}  sqlite: reserve + capture p50 < 5 ms (${ms(sqlite.p50)})`,
    );
  return lines.join('\n');
}
