import { feedPollingService } from './feedPollingService.ts';
import { discordService } from './discordService.ts';
import type { Runtime } from './runtime.ts';
import { slackService } from './slackService.ts';
import { webService } from './webService.ts';
import { digestSchedulerService, outboxSenderService } from './deliveryServices.ts';

/**
 * Something `npm start` runs next to the core: an adapter (web, Slack, Discord) or a
 * background job (feed polling, the digest scheduler, the outbox sender).
 */
export interface Service {
  readonly name: string;
  /** Whether it should start with this configuration, and if not, why (printed at start). */
  wanted(runtime: Runtime): { readonly on: true; readonly detail?: string } | { readonly on: false; readonly reason: string };
  start(runtime: Runtime): Promise<RunningService>;
  /** `start` exits when this one fails to start: without it the process would run for nobody. */
  readonly required?: true;
  /**
   * A configuration this service must refuse before anything starts (the web chat on a
   * public address without WEB_TOKEN): the message says how to fix it, and `start` exits 1.
   */
  preflight?(runtime: Runtime): string | undefined;
}

export interface RunningService {
  /** One line for the start-up banner, e.g. the web chat's URL. */
  readonly summary?: string;
  stop(): Promise<void>;
}

/** Every service `start` knows; features append theirs here. */
export const services: Service[] = [webService, feedPollingService, digestSchedulerService, outboxSenderService, discordService, slackService];
