// How a queued message enters the outbox: pending, due at once, never tried. The queuing use cases (warnings,
// digests) say what to send to whom; the delivery worker alone moves a row on from here.

import type { Delivery } from "../storage/store.ts";

/** What a queuing use case decides about a delivery; the rest is how every new one starts. */
export type DeliveryFields = Omit<
  Delivery,
  "id" | "state" | "attempts" | "nextAttemptAt" | "lastError" | "createdAt" | "sentAt"
>;

/** A fresh outbox row with id `id`, created and due at `now` (ISO UTC). */
export const newDelivery = (id: string, now: string, fields: DeliveryFields): Delivery => ({
  ...fields,
  id,
  state: "pending",
  attempts: 0,
  nextAttemptAt: now,
  lastError: null,
  createdAt: now,
  sentAt: null,
});
