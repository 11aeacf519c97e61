import { policyDigestSources } from '../digest/policyDigestSources.ts';
import type { CoreEvents } from '../events.ts';
import type { Logger } from '../logger.ts';
import type { PolicyService } from '../policy/policyService.ts';
import type { Delivery } from './createDelivery.ts';

/**
 * Connects policy tracking to delivery: digests show each policy's status and signals, and
 * each policy event becomes outbox rows. The listeners run inside the ingest transaction
 * (core events are synchronous), so the event and its alerts commit together, or neither does.
 */
export function connectPolicies(delivery: Delivery, events: CoreEvents, policies: PolicyService, logger: Logger): void {
  delivery.digests.use(policyDigestSources(policies));
  events.on('policy/event-created', ({ eventId }) => {
    const alert = policies.alert(eventId);
    if (!alert) return logger.warn({ eventId }, 'policy event without an alert view; no alert queued');
    const keys = delivery.alerts.created(alert);
    logger.info({ eventId, channels: keys.length }, 'policy alert queued');
  });
  events.on('policy/event-corroborated', ({ eventId }) => {
    const alert = policies.alert(eventId);
    if (!alert) return logger.warn({ eventId }, 'policy event without an alert view; posted alerts not updated');
    const keys = delivery.alerts.corroborated(alert);
    logger.info({ eventId, channels: keys.length }, 'policy alert updated with a corroborating report');
  });
}
