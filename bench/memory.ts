/**
 * Samples RSS and heap while a suite runs; every suite reports its peaks. The timer cannot fire
 * during synchronous work (a digest build, a batch transaction), so suites also call sample()
 * after such steps, and stop() adds the kernel's high-water mark of RSS, which misses nothing
 * but covers the whole process so far (earlier suites and corpus builds included).
 */
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

  stop(): { peakRssMb: number; peakHeapMb: number; processMaxRssMb: number } {
    this.sample();
    clearInterval(this.timer);
    // resourceUsage().maxRSS is in kilobytes.
    return { peakRssMb: Math.round(this.rss / 1048576), peakHeapMb: Math.round(this.heap / 1048576), processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  }
}
