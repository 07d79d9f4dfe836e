// One's own notification preferences: immediate or a daily digest, email on or off and the address. Everyone signed
// in sets their own; nobody sets another's (an administrator neither: the address is the person's to give).

import type { Caller } from "../domain/account.ts";
import { notificationPreferencesInput } from "../shared/notification-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { NotificationPreference } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

export type PreferenceAnswer = Omit<NotificationPreference, "userId">;

const DEFAULTS: PreferenceAnswer = { mode: "immediate", emailEnabled: false, email: null, updatedAt: null };

export async function getNotificationPreferences(deps: Deps, caller: Caller): Promise<PreferenceAnswer> {
  const stored = await deps.store.notificationPreferences.get(caller.user.id);
  if (stored === undefined) return DEFAULTS;
  const { userId: _, ...answer } = stored;
  return answer;
}

/** Replaces the caller's preferences; not audited (they change no ledger data, and only the person's own). */
export async function setNotificationPreferences(
  deps: Deps,
  caller: Caller,
  options: { input: unknown },
): Promise<PreferenceAnswer> {
  const input = parseInput(notificationPreferencesInput, options.input ?? {}, "提醒设置");
  const preference: NotificationPreference = {
    userId: caller.user.id,
    mode: input.mode,
    emailEnabled: input.emailEnabled,
    email: input.email,
    updatedAt: deps.clock.now(),
  };
  await deps.store.notificationPreferences.put(preference);
  const { userId: _, ...answer } = preference;
  return answer;
}
