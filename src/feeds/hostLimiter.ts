interface Waiting {
  readonly host: string;
  readonly start: () => void;
}

/**
 * Politeness: at most one request per host at a time (a site with ten feeds is not hit ten
 * times at once) and at most `maxConcurrent` requests overall.
 */
export class HostLimiter {
  private readonly busyHosts = new Set<string>();
  private readonly waiting: Waiting[] = [];

  constructor(private readonly maxConcurrent: number) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busyHosts.add(host);
        task()
          .then(resolve, reject)
          .finally(() => {
            this.busyHosts.delete(host);
            this.next();
          });
      };
      this.waiting.push({ host, start });
      this.next();
    });
  }

  private next(): void {
    while (this.busyHosts.size < this.maxConcurrent) {
      const index = this.waiting.findIndex((w) => !this.busyHosts.has(w.host));
      if (index < 0) return;
      const [job] = this.waiting.splice(index, 1);
      job!.start();
    }
  }
}
