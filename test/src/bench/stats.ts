/** The value at a percentile of latencies sorted ascending (nearest rank, as the register bench prints). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
