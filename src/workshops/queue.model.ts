// The queue's public state and a ticket's place in it. Pure and import-free: the citizen's
// phone runs the same rule as the server.

/** The public state of a queue, as a screen in the room or a citizen's phone shows it. */
export interface QueueSnapshot {
  siteId: string;
  /** Ticket numbers waiting, in the order they will be called. */
  waiting: number[];
  /** The latest calls, newest first. */
  called: { number: number; at: string }[];
  /** Citizens being helped right now. */
  inService: number;
  capacity: number;
  /** Minutes one help session takes, learned from today's visits or the setting. */
  serviceMinutes: number;
  /** eMentors helping today (at least one). */
  helpers: number;
}

export interface TicketPlace {
  /** 1 = next in line; 0 when no longer waiting. */
  position: number;
  /** Whether the citizen should wait inside the room or outside until told to come in. */
  waitInside: boolean;
  expectedMinutes: number;
}

/** Where one ticket stands: people ahead, room space, expected wait. */
export function placeOf(snapshot: QueueSnapshot, number: number): TicketPlace {
  const index = snapshot.waiting.indexOf(number);
  if (index < 0) return { position: 0, waitInside: true, expectedMinutes: 0 };
  const roomForWaiting = Math.max(snapshot.capacity - snapshot.inService, 0);
  return {
    position: index + 1,
    waitInside: index < roomForWaiting,
    expectedMinutes: Math.ceil((index * snapshot.serviceMinutes) / Math.max(snapshot.helpers, 1)),
  };
}

/** Median of recent help sessions in minutes, or the fallback while there are too few. */
export function learnedServiceMinutes(recent: readonly number[], fallback: number): number {
  if (recent.length < 3) return fallback;
  const s = [...recent].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.max(1, Math.round(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2));
}
