import type { ChannelRef } from '../commands/command.ts';
import type { DeliveryPort } from '../delivery/deliveryPort.ts';

/**
 * Which adapter delivers to which platform. Adapters register their DeliveryPort when they
 * start (from their service in src/cli); the outbox sender looks one up per item. Items for a
 * platform with no adapter running simply wait: they are not failures.
 */
export class DeliveryRegistry {
  private readonly ports = new Map<ChannelRef['platform'], DeliveryPort>();

  register(port: DeliveryPort): () => void {
    this.ports.set(port.platform, port);
    return () => {
      if (this.ports.get(port.platform) === port) this.ports.delete(port.platform);
    };
  }

  get(platform: ChannelRef['platform']): DeliveryPort | undefined {
    return this.ports.get(platform);
  }

  platforms(): ChannelRef['platform'][] {
    return [...this.ports.keys()];
  }
}
