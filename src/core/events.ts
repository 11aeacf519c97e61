/**
 * Synchronous, in-process notifications between core features. Listeners run inside the
 * caller's database transaction, so "decide" and "write to the outbox" commit together.
 * Payload types are declared by the features that emit them (declaration merging).
 */
export interface CoreEventMap {
  /** Placeholder so the map is never empty; features add their events by merging. */
  readonly 'core/ready': Record<string, never>;
}

type Listener<K extends keyof CoreEventMap> = (payload: CoreEventMap[K]) => void;

export class CoreEvents {
  private readonly listeners = new Map<keyof CoreEventMap, Listener<never>[]>();

  on<K extends keyof CoreEventMap>(name: K, listener: Listener<K>): () => void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(name, list);
    return () => this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener));
  }

  emit<K extends keyof CoreEventMap>(name: K, payload: CoreEventMap[K]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as Listener<K>)(payload);
  }
}
