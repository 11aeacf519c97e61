/**
 * Runs a task on a cron schedule in a time zone. The core declares it; src/cli implements it
 * with node-cron (the core may not import node-cron). Firing twice or late is harmless: what
 * a firing does is decided by DigestScheduler from the clock and the database, idempotently.
 */
export interface ScheduledJob {
  stop(): void;
}

export interface SchedulerPort {
  schedule(spec: { readonly name: string; readonly cron: string; readonly zone: string }, task: () => void): ScheduledJob;
}
