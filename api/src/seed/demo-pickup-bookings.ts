import type { PickupStatus, UnableReason } from "@civic/shared";

/*
 * The demo resident's bookings, one in every state: the day relative to the seed's "today" (city date), the
 * window, the items, and the steps (pickup_history rows) that led to the status.
 */

export type Step = { action: string; to: PickupStatus; by: "resident" | "collector"; note?: string };

export interface DemoBooking {
  status: PickupStatus;
  day: number;
  window: "am" | "pm";
  items: { code: string; qty: number }[];
  steps: Step[];
  onBehalf?: { name: string; phone: string };
  rating?: number;
  /** How the collector's visit ended: weighed kg per recyclable item taken, or the reason it could not be collected. */
  outcome?: { kg: Record<string, number> } | { unableReason: UnableReason; note: string };
}

const book: Step = { action: "book", to: "booked", by: "resident" };
const accept: Step = { action: "accept", to: "accepted", by: "collector" };
const arrive: Step = { action: "arrive", to: "arrived", by: "collector" };

export const DEMO_BOOKINGS: readonly DemoBooking[] = [
  {
    status: "booked",
    day: 3,
    window: "am",
    items: [
      { code: "fridge", qty: 1 },
      { code: "chair", qty: 2 },
    ],
    steps: [book],
  },
  {
    status: "booked",
    day: 2,
    window: "pm",
    items: [{ code: "wardrobe", qty: 1 }],
    steps: [book],
    onBehalf: { name: "王阿姨", phone: "13912345678" },
  },
  { status: "accepted", day: 1, window: "am", items: [{ code: "sofa", qty: 1 }], steps: [book, accept] },
  {
    status: "arrived",
    day: 0,
    window: "am",
    items: [
      { code: "mattress", qty: 1 },
      { code: "bed_frame", qty: 1 },
    ],
    steps: [book, accept, arrive],
  },
  {
    status: "completed",
    day: -3,
    window: "am",
    items: [
      { code: "washing_machine", qty: 1 },
      { code: "tv", qty: 1 },
    ],
    steps: [
      book,
      accept,
      arrive,
      { action: "complete", to: "completed", by: "collector" },
      { action: "rate", to: "completed", by: "resident", note: "师傅很准时，搬运很小心" },
    ],
    rating: 5,
    outcome: { kg: { washing_machine: 52.5, tv: 11.8 } },
  },
  {
    status: "unable",
    day: -2,
    window: "am",
    items: [{ code: "table", qty: 1 }],
    steps: [book, accept, arrive, { action: "unable", to: "unable", by: "collector", note: "物品未按约放置：楼下没有看到桌子" }],
    outcome: { unableReason: "not_put_out", note: "楼下没有看到桌子" },
  },
  {
    status: "missed",
    day: -1,
    window: "am",
    items: [{ code: "bicycle", qty: 1 }],
    steps: [book, accept, { action: "missed", to: "missed", by: "resident", note: "上午一直没有人来收" }],
  },
  {
    status: "cancelled",
    day: 5,
    window: "am",
    items: [{ code: "renovation_bags", qty: 3 }],
    steps: [book, { action: "cancel", to: "cancelled", by: "resident", note: "计划有变" }],
  },
];
