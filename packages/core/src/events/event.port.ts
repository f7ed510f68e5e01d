import type { PlatformEvent } from '@platform/contracts';

/** Publishes events to every API instance (and so to every connected screen). */
export interface EventPublisher {
  publish(event: PlatformEvent): Promise<void>;
}

/** Receives events published by any process. Returns an unsubscribe function. */
export interface EventSubscriber {
  subscribe(listener: (event: PlatformEvent) => void): () => void;
}
