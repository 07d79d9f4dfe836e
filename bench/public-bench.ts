// `npm run bench -- public [--units N] [--per-unit N] [--runs N]`: the public page's reads (公开信息) over many units —
// the unit picker's list, the newest-first list, one unit's notices, a search by words — through the HTTP app
// (inject, answers checked against their schemas) on a temp SQLite file, or a throw-away PostgreSQL schema when
// DATABASE_URL=postgres://…. Then the same reads again without the index on (unit_id, published_at, id) (migration
// 0024), to show what it is worth. Prints a Markdown table.

import { CompiledQuery, type Kysely } from "kysely";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import { publishPublicNotice } from "../src/app/publish-public-notice.ts";
import { SYSTEM_CALLER } from "../src/domain/account.ts";
import type { Database } from "../src/storage/kysely/db-schema.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import { openDatabase } from "../src/storage/kysely/open-database.ts";
import { openTestApp, type TestApp } from "../test/http/http-test-app.ts";
import { makeLedger } from "../test/support/ledger-builders.ts";
import { addPublicNotices, type PublicNoticeRow } from "../test/support/public-notice-rows.ts";
import type { TestDatabase } from "../test/support/test-stores.ts";
import { postgresDatabase, run, sqliteDatabase, type BenchDatabase } from "./bench-database.ts";
import { PLACES, UNIT_KINDS } from "./synthetic-text.ts";
import { check, timeInterleaved, type Timing } from "./timing.ts";

const option = (args: readonly string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};

/** Distinct unit names like the province's: place × kind, then numbered rounds of the same (2,000 need that). */
const unitName = (i: number): string => {
  const place = PLACES[i % PLACES.length]!;
  const kind = UNIT_KINDS[Math.floor(i / PLACES.length) % UNIT_KINDS.length]!;
  const lap = Math.floor(i / (PLACES.length * UNIT_KINDS.length));
  return `${place}${kind}${lap === 0 ? "" : `第${lap + 1}分部`}党组`;
};

/** `perUnit` notices for each of `units` units, one a minute, the units' notices interleaved; every 7th withdrawn. */
function rows(units: number, perUnit: number): PublicNoticeRow[] {
  const start = Date.parse("2024-01-01T00:00:00.000Z");
  const out: PublicNoticeRow[] = [];
  for (let round = 0; round < perUnit; round += 1) {
    for (let u = 0; u < units; u += 1) {
      const n = out.length;
      out.push({
        unitName: unitName(u),
        title: `中共${unitName(u)}关于第${round + 1}轮巡察整改进展情况的通报`,
        publishedAt: new Date(start + n * 60_000).toISOString(),
        issuedOn: new Date(start + n * 60_000).toISOString().slice(0, 10),
        withdrawn: n % 7 === 6,
      });
    }
  }
  return out;
}

const benchTestDatabase = (bench: BenchDatabase): TestDatabase => ({
  name: bench.dialect,
  async open() {
    const store = await openStore(bench.target);
    return { store, target: bench.target, cleanup: () => store.close() };
  },
});

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

export async function runPublicBench(args: readonly string[]): Promise<number> {
  const units = option(args, "units", 2_000);
  const perUnit = option(args, "per-unit", 5);
  const runs = option(args, "runs", 30);
  const url = process.env.DATABASE_URL;
  const bench =
    url !== undefined && /^postgres(ql)?:\/\//.test(url) ? await postgresDatabase(url) : sqliteDatabase();
  console.error(`public bench on ${bench.dialect}: ${bench.where}`);
  let t: TestApp | undefined;
  let diag: Kysely<Database> | undefined;
  try {
    t = await openTestApp({}, benchTestDatabase(bench));
    diag = (await openDatabase(bench.target)).db;
    const { inspectionId } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger());
    const template = await publishPublicNotice(t.deps, SYSTEM_CALLER, { inspectionId });
    const started = performance.now();
    const written = await addPublicNotices(t.deps.store, template, rows(units, perUnit));
    console.error(
      `wrote ${written.length} notices of ${units} units in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await bench.settle(diag);

    const app = t.app;
    const middle = written[Math.floor(units / 2)]!;
    const get = async (path: string) => {
      const res = await app.inject({ method: "GET", url: path });
      check(res.statusCode === 200, `${path} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      return res.json<{ items: unknown[]; total?: number; nextCursor?: string | null }>();
    };
    const ofMiddle = written.filter((n) => n.unitId === middle.unitId && n.withdrawal === null).length;
    const expectUnits = units + 1; // and the template's own unit
    const reads = {
      "units (picker, first 100)": async () => {
        const answer = await get("/api/v1/public/units");
        check(answer.total === expectUnits && answer.items.length === 100, `units total ${answer.total}`);
      },
      "units ?q=教育厅": async () => {
        const answer = await get(`/api/v1/public/units?q=${encodeURIComponent("教育厅")}`);
        check((answer.total ?? 0) > 0, "some 教育厅");
      },
      "notices, first page (50)": async () => {
        check((await get("/api/v1/public/notices")).items.length === 50, "a full page");
      },
      "notices ?unitId= (one unit's)": async () => {
        const answer = await get(`/api/v1/public/notices?unitId=${encodeURIComponent(middle.unitId)}`);
        check(answer.items.length === Math.min(50, ofMiddle), "the unit's notices");
      },
      "notices ?q= (two words, a few hits)": async () => {
        const answer = await get(
          `/api/v1/public/notices?q=${encodeURIComponent(`${middle.unitName} 第2轮`)}`,
        );
        check(answer.items.length <= 1, "at most one");
      },
      "notices ?q= (no hit: whole table)": async () => {
        check(
          (await get(`/api/v1/public/notices?q=${encodeURIComponent("不存在的词")}`)).items.length === 0,
          "none",
        );
      },
    };
    const withIndex = await timeInterleaved(reads, { runs });
    const unitQuery = CompiledQuery.raw(
      `select * from public_notices where withdrawn_at is null and unit_id = ${bench.dialect === "postgres" ? "$1" : "?"} order by published_at desc, id desc limit 51`,
      [middle.unitId],
    );
    const planWith = await bench.explain(diag, unitQuery);
    await run(diag, "drop index public_notices_unit");
    await bench.settle(diag);
    const without = await timeInterleaved(reads, { runs });
    const planWithout = await bench.explain(diag, unitQuery);

    const line = (name: string, a: Timing, b: Timing) =>
      `| ${name} | ${ms(a.medianMs)} ms | ${ms(a.p90Ms)} ms | ${ms(b.medianMs)} ms | ${ms(b.p90Ms)} ms |`;
    console.log(
      `\nPublic reads, ${bench.dialect}: ${units.toLocaleString("en-US")} units × ${perUnit} notices ` +
        `(${written.length.toLocaleString("en-US")} rows, every 7th withdrawn), ${runs} runs after 3 warm-ups, ` +
        `through app.inject with answer checks\n`,
    );
    console.log(
      "| read | median | p90 | median without the index (unit_id, published_at, id) | p90 without it |",
    );
    console.log("|---|---|---|---|---|");
    for (const name of Object.keys(reads) as Array<keyof typeof reads>)
      console.log(line(name, withIndex[name], without[name]));
    console.log(`\none unit's page, plan with the index:\n  ${planWith.join("\n  ")}`);
    console.log(`without it:\n  ${planWithout.join("\n  ")}`);
    return 0;
  } finally {
    await diag?.destroy();
    await t?.close();
    await bench.drop();
  }
}
