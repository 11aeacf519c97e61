/** Samples RSS and heap while a suite runs; every suite reports its peaks. */
export class MemoryPeak {
  private rss = 0;
  private heap = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heap = Math.max(this.heap, usage.heapUsed);
  }

  stop(): { peakRssMb: number; peakHeapMb: number } {
    this.sample();
    clearInterval(this.timer);
    return { peakRssMb: Math.round(this.rss / 1048576), peakHeapMb: Math.round(this.heap / 1048576) };
  }
}
