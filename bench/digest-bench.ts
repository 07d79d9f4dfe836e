// `npm run bench -- digest [--people N] [--items N] [--runs N]`: the daily digests (issue 12: 5,000 people ≤ 10 s)
// on a temp SQLite file — sendDigests end to end: who has undigested items, then per person one transaction that
// hands their items to the day's digest, reads them back with their unit names, builds the grouped text and queues
// one email. Each run starts from a fresh database (the digest consumes its items); only sendDigests is timed.

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import { sendDigests } from "../src/app/send-digests.ts";
import { SYSTEM_CALLER } from "../src/domain/account.ts";
import { BOARD_LEVELS } from "../src/domain/warning-board.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import type { Store } from "../src/storage/store.ts";
import { notifyWarnings } from "../src/app/notify-warnings.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { makeLedger } from "../test/support/ledger-builders.ts";
import { fakeClock, nodeDeps } from "../test/support/notification-fakes.ts";
import { check, peakRssMiB, summarise } from "./timing.ts";
import { benchWebLedger } from "./web-bench.ts";

/** Issue 12: digests for 5,000 people within 10 s. */
export const DIGEST_TARGET_MS = 10_000;

const option = (args: readonly string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};

/** People with `items` undigested warnings each over 4 inspections, all preferring a daily email digest. */
async function seed(store: Store, people: number, items: number): Promise<void> {
  const clock = fakeClock("2026-03-02T00:31:00.000Z");
  const deps = nodeDeps(store, clock, "seed", {});
  const inspections: string[] = [];
  for (const unitName of ["市文联党组", "市科协党组", "市侨联党组", "市社科联党组"]) {
    inspections.push((await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName }))).inspectionId);
  }
  const at = clock.now();
  await store.transaction(async (tx) => {
    for (let p = 0; p < people; p += 1) {
      const userId = `usr_${p}`;
      await tx.users.insert(
        {
          id: userId,
          login: `u${p}`,
          displayName: `用户${p}`,
          orgId: null,
          personId: null,
          disabled: false,
          version: 1,
        },
        "x",
        at,
      );
      await tx.notificationPreferences.put({
        userId,
        mode: "daily_digest",
        emailEnabled: true,
        email: `u${p}@example.org`,
        updatedAt: at,
      });
      for (let i = 0; i < items; i += 1) {
        const key = `warning:msr_${i}:${p}`;
        await tx.notifications.insertOnce({
          id: `ntf_${p}_${i}`,
          recipientId: userId,
          kind: "warning",
          subject: `【黄色预警】市文联党组：第${i + 1}项整改措施，完善财务报销制度并组织专题培训`,
          text: "…",
          link: null,
          inspectionId: inspections[i % inspections.length]!,
          measureId: null,
          level: BOARD_LEVELS[i % BOARD_LEVELS.length]!,
          dedupeKey: key,
          viaDigest: true,
          digestDay: null,
          createdAt: at,
          readAt: null,
        });
      }
    }
  });
}

/**
 * The daily warning job over the web bench's inspection (5,000 measures) judged on 2021-06-30, with accounts for the
 * responsible person, the leader, a reporter per department and the unit's leader and office: the first run (every
 * step new: notifications, audit events) and the next day's run on an unchanged ledger (the usual day).
 */
async function timeWarningJob(
  measures: number,
): Promise<{ firstMs: number; nextDayMs: number; notified: number }> {
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-warning-bench-"));
  const store = await openStore({ kind: "sqlite", file: join(dir, "bench.db"), lockTimeoutMs: 5_000 });
  try {
    const clock = fakeClock("2021-06-30T00:31:00.000Z");
    const deps = nodeDeps(store, clock, "warn", {});
    const created = await createLedger(deps, SYSTEM_ACTOR, benchWebLedger(measures));
    const sample = (await store.measures.page(SCOPE_ALL, {}, { limit: 1 }))[0]!;
    const at = clock.now();
    let n = 0;
    const account = async (
      personId: string | null,
      role: "unit_leader" | "unit_office" | "department_reporter" | null,
      orgId: string | null,
    ) => {
      const id = `usr_${(n += 1)}`;
      await store.users.insert(
        { id, login: `u${n}`, displayName: `用户${n}`, orgId, personId, disabled: false, version: 1 },
        "x",
        at,
      );
      if (role !== null) await store.grants.insert({ id: `grt_${n}`, userId: id, role, orgId }, at);
    };
    await account(sample.personId, null, null);
    await account(sample.leadLeaderId, null, null);
    await account(null, "unit_leader", created.unitId);
    await account(null, "unit_office", created.unitId);
    for (const dept of (await store.orgs.list(SCOPE_ALL)).filter((o) => o.kind === "department")) {
      await account(null, "department_reporter", dept.id);
    }
    let started = performance.now();
    const first = await notifyWarnings(deps, SYSTEM_CALLER, { day: "2021-06-30" });
    const firstMs = performance.now() - started;
    clock.set("2021-07-01T00:31:00.000Z");
    started = performance.now();
    await notifyWarnings(deps, SYSTEM_CALLER, { day: "2021-07-01" });
    const nextDayMs = performance.now() - started;
    check(first.notified > 0, "the first run told someone");
    return { firstMs, nextDayMs, notified: first.notified };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDigestBench(args: readonly string[]): Promise<number> {
  const people = option(args, "people", 5_000);
  const items = option(args, "items", 6);
  const runs = option(args, "runs", 3);
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-digest-bench-"));
    const store = await openStore({ kind: "sqlite", file: join(dir, "bench.db"), lockTimeoutMs: 5_000 });
    try {
      await seed(store, people, items);
      const deps = nodeDeps(store, fakeClock("2026-03-02T09:31:00.000Z"), `run${run}`, {});
      const started = performance.now();
      const summary = await sendDigests(deps, SYSTEM_CALLER, {
        day: "2026-03-02",
        before: "2026-03-02T09:31:00.000Z",
      });
      durations.push(performance.now() - started);
      check(summary.people === people, `${people} digests made (${summary.people})`);
      check(summary.items === people * items, `${people * items} items gathered (${summary.items})`);
      check(summary.queued === people, `${people} emails queued (${summary.queued})`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const timing = summarise(durations);
  const warningJob = await timeWarningJob(option(args, "measures", 5_000));
  const within = timing.medianMs <= DIGEST_TARGET_MS;
  console.log(
    JSON.stringify(
      {
        bench: "digest",
        people,
        itemsPerPerson: items,
        database: "sqlite",
        timing,
        perPersonMs: Number((timing.medianMs / people).toFixed(3)),
        targetMs: DIGEST_TARGET_MS,
        withinTarget: within,
        warningJob: {
          measures: option(args, "measures", 5_000),
          notified: warningJob.notified,
          firstRunMs: Math.round(warningJob.firstMs),
          nextDayMs: Math.round(warningJob.nextDayMs),
        },
        peakRssMiB: peakRssMiB(),
      },
      null,
      2,
    ),
  );
  return within ? 0 : 1;
}
