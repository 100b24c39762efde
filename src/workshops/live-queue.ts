// Live queue state for screens and phones. Every change is sent through PostgreSQL
// (NOTIFY at commit), so each app process hears about changes made by any other; each process
// then builds the public snapshot once per change and pushes it to its own subscribers.
import type { Database } from '../platform/db/client';
import type { QueueSnapshot } from './workshops.model';
import { QUEUE_CHANNEL } from './workshops.store';

/** Receives each snapshot as a ready server-sent event ("data: …\n\n"), serialised once. */
type Subscriber = (event: string) => void;

/** Screens need no more than a few updates a second; bursts of changes are merged. */
const MIN_INTERVAL_MS = 100;
const FAN_OUT_SLICE = 100;

export class LiveQueue {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  /** Sites whose snapshot is being built, and whether another change came in meanwhile. */
  private readonly building = new Map<string, boolean>();
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Database,
    private readonly load: (siteId: string) => Promise<QueueSnapshot | null>,
    private readonly onError: (err: unknown) => void,
  ) {}

  async start() {
    this.stop = await this.database.listen(
      QUEUE_CHANNEL,
      (siteId) => this.changed(siteId),
      // Changes made while the connection was lost were never heard: every screen gets a
      // fresh snapshot now.
      () => {
        for (const siteId of this.subscribers.keys()) this.changed(siteId);
      },
    );
  }

  async close() {
    await this.stop?.();
    this.stop = null;
  }

  subscribe(siteId: string, fn: Subscriber): () => void {
    let set = this.subscribers.get(siteId);
    if (!set) this.subscribers.set(siteId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.subscribers.delete(siteId);
    };
  }

  /** Coalesces bursts: while one snapshot is built, later changes make one more build. */
  private changed(siteId: string) {
    if (!this.subscribers.has(siteId)) return;
    if (this.building.has(siteId)) {
      this.building.set(siteId, true);
      return;
    }
    this.building.set(siteId, false);
    void this.build(siteId);
  }

  /** Writes to the screens in slices, so requests keep being served in between. */
  private async fanOut(siteId: string, event: string) {
    const all = [...(this.subscribers.get(siteId) ?? [])];
    for (let i = 0; i < all.length; i += FAN_OUT_SLICE) {
      for (const fn of all.slice(i, i + FAN_OUT_SLICE)) fn(event);
      if (i + FAN_OUT_SLICE < all.length) await new Promise((r) => setImmediate(r));
    }
  }

  private async build(siteId: string) {
    try {
      for (;;) {
        const started = performance.now();
        const snapshot = await this.load(siteId);
        if (snapshot) await this.fanOut(siteId, `data: ${JSON.stringify(snapshot)}\n\n`);
        if (!this.building.get(siteId)) break;
        this.building.set(siteId, false);
        const wait = MIN_INTERVAL_MS - (performance.now() - started);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    } catch (err) {
      this.onError(err);
    } finally {
      this.building.delete(siteId);
    }
  }
}
