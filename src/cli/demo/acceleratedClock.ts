import type { Clock } from '../../core/clock.ts';

/**
 * The demo's clock: it runs `speed` times faster than real time and can jump ahead, so months
 * of news and the next morning's digest fit in a minute. Everything that reads the core's
 * clock (alert age, digest slots, outbox pacing) sees the same accelerated time.
 * Example: start 2024-05-28T07:00Z, speed 60 → ten real seconds later it is 07:10.
 */
export class AcceleratedClock implements Clock {
  private base: number;
  private realStart: number;

  constructor(
    start: Date,
    private readonly speed: number,
    private readonly realNow: () => number = () => performance.now(),
  ) {
    this.base = start.getTime();
    this.realStart = realNow();
  }

  now(): Date {
    return new Date(this.base + (this.realNow() - this.realStart) * this.speed);
  }

  /** Moves to `to` (never backwards: time that ran must not run again). */
  jumpTo(to: Date): void {
    const target = Math.max(to.getTime(), this.now().getTime());
    this.base = target;
    this.realStart = this.realNow();
  }
}
