// One step of the xlsx benchmark in a process of its own, so its peak RSS is the step's alone:
//   node --import tsx bench/xlsx-step.ts export DB FILE INSPECTION_ID   |   import DB FILE
// Prints one JSON line { seconds, peakMiB, measures }.

import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { SYSTEM_ACTOR, type Deps } from "../src/app/deps.ts";
import { exportLedger } from "../src/app/export-ledger.ts";
import { importLedger } from "../src/app/import-ledger.ts";
import { SCOPE_ALL } from "../src/domain/scope.ts";
import { readLedgerXlsx } from "../src/documents/xlsx/read-ledger-xlsx.ts";
import { openStore } from "../src/storage/kysely/kysely-store.ts";
import type { Store } from "../src/storage/store.ts";
import { check, peakRssMiB } from "./timing.ts";

export const benchDeps = (store: Store, today = "2021-06-30"): Deps => {
  let n = 0;
  return {
    store,
    clock: { now: () => `${today}T08:00:00.000Z`, today: () => today },
    ids: { next: (p) => `${p}${(++n).toString(36).padStart(8, "0")}` },
  };
};

async function step(
  role: string,
  db: string,
  file: string,
  inspectionId: string | undefined,
): Promise<number> {
  const store = await openStore({ kind: "sqlite", file: db });
  const start = performance.now();
  try {
    if (role === "export") {
      const out = createWriteStream(file);
      const result = await exportLedger(
        benchDeps(store),
        SCOPE_ALL,
        { inspectionId: inspectionId ?? "" },
        out,
        { pageSize: 2_000 },
      );
      await finished(out);
      return result.measures;
    }
    const result = await importLedger(benchDeps(store), SYSTEM_ACTOR, SCOPE_ALL, (reference) =>
      readLedgerXlsx(file, { reference }),
    );
    check(result.stored && result.errors.length === 0, "import stored without errors");
    return (await store.measures.page(SCOPE_ALL, {}, { limit: 1_000_000, offset: 0 })).length;
  } finally {
    await store.close();
    const seconds = (performance.now() - start) / 1000;
    process.stdout.write(`${JSON.stringify({ seconds, peakMiB: peakRssMiB() })}\n`);
  }
}

const [role, db, file, inspectionId] = process.argv.slice(2);
const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAsScript && (role === "export" || role === "import") && db && file) {
  const measures = await step(role, db, file, inspectionId);
  process.stdout.write(`${JSON.stringify({ measures })}\n`);
}
