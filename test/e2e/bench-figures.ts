/** How the benchmarks on the e2e stage compute and write their figures. */

/** The value at percentile `p` (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** CPU time between two readings, as % of one core over `ms`. */
export const cpuShare = (end: NodeJS.CpuUsage, start: NodeJS.CpuUsage, ms: number) =>
  ((end.user - start.user + end.system - start.system) / 1000 / ms) * 100;

/** Milliseconds, one decimal under 10. */
export const ms = (value: number) =>
  `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ms`;
/** Bytes in MiB, one decimal. */
export const mib = (bytes: number) =>
  `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;
/** A count with thousands separated. */
export const count = (value: number) => value.toLocaleString('en-US');
/** A share in whole per cent. */
export const percent = (value: number) => `${Math.round(value)} %`;
/** "p50 / p99 / max" of `values`, in ms. */
export const latency = (values: number[]) =>
  `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))} / ${ms(Math.max(...values))}`;

/** How many things failed, and how, as "0" or "3 (send timed out × 2, sync timed out × 1)". */
export function failuresOf(failures: string[]): string {
  if (failures.length === 0) return '0';
  const kinds = new Map<string, number>();
  for (const failure of failures) kinds.set(failure, (kinds.get(failure) ?? 0) + 1);
  return `${failures.length} (${[...kinds].map(([kind, n]) => `${kind} × ${n}`).join(', ')})`;
}
