// Baseline server of `npm run bench -- api`: bare Fastify, no auth, no store, no Kysely. `GET /const` answers a
// constant body; `GET /ledger/:id` and `GET /inspections` answer what the real routes answer (admin scope), built
// by hand-written SQL over better-sqlite3 on the same database file, with the app's row mappers and domain rules.
// Run: node --import tsx bench/api-raw-server.ts <sqlite file> <port>

import BetterSqlite3 from "better-sqlite3";
import Fastify from "fastify";
import { encodeInspectionCursor } from "../src/app/list-inspections.ts";
import type { InspectionLedger, LedgerProblem } from "../src/domain/inspection-ledger.ts";
import {
  countLedger,
  countLedgerBy,
  isOverdue,
  totalOutcomes,
  type ProblemTally,
} from "../src/domain/ledger-statistics.ts";
import { deriveProblemStatus } from "../src/domain/problem-status.ts";
import {
  aspectFromRow,
  inspectionFromRow,
  measureFromRow,
  orgFromRow,
  outcomeFromRow,
  problemFromRow,
} from "../src/storage/kysely/row-mappers.ts";

type Row = Record<string, unknown>;

const [file, portText] = process.argv.slice(2);
if (file === undefined || portText === undefined)
  throw new Error("usage: api-raw-server.ts <sqlite file> <port>");
const db = new BetterSqlite3(file, { readonly: false });
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");

const TALLY_COLUMNS = `problem_id, count(*) as measures,
  sum(case when state <> 'closed' and not (kind = 'long_term' and closed_at is not null) then 1 else 0 end) as open,
  sum(case when kind = 'long_term' and (state = 'closed' or (kind = 'long_term' and closed_at is not null)) then 1 else 0 end) as closed_long_term,
  sum(case when state <> 'closed' and deadline < ? then 1 else 0 end) as overdue`;

const q = {
  inspection: db.prepare("select * from inspections where id = ?"),
  org: db.prepare("select * from orgs where id = ?"),
  aspects: db.prepare("select * from aspects where inspection_id = ? order by seq"),
  problems: db.prepare("select * from problems where inspection_id = ? order by seq"),
  measures: db.prepare("select * from measures where inspection_id = ? order by problem_id, seq"),
  cooperators: db.prepare(
    `select c.measure_id, c.org_id from measure_cooperators c join measures m on m.id = c.measure_id
     where m.inspection_id = ? order by c.org_id`,
  ),
  outcomes: db.prepare("select * from outcomes where inspection_id = ? order by id"),
  group: db.prepare("select * from leading_groups where inspection_id = ?"),
  meetings: db.prepare("select * from plan_meetings where inspection_id = ? order by held_on, id"),
  items: db.prepare("select * from plan_items where inspection_id = ? order by seq"),
  // The people the measures name (lead leader, responsible person), as the ledger answer lists them.
  people: db.prepare(
    `select * from people where id in (select person_id from measures where inspection_id = ?1
       union select lead_leader_id from measures where inspection_id = ?1)`,
  ),
  firstPage: db.prepare("select * from inspections order by feedback_date desc nulls last, id limit ?"),
};

/** Statements for `n` inspection ids at once (a page), prepared once per n. */
const pageStatements = new Map<
  number,
  { problems: BetterSqlite3.Statement; measures: BetterSqlite3.Statement }
>();
function statementsFor(n: number) {
  let found = pageStatements.get(n);
  if (found === undefined) {
    const marks = Array.from({ length: n }, () => "?").join(", ");
    found = {
      problems: db.prepare(
        `select id, inspection_id, aspect_id from problems where inspection_id in (${marks})`,
      ),
      measures: db.prepare(
        `select ${TALLY_COLUMNS} from measures where inspection_id in (${marks}) group by problem_id`,
      ),
    };
    pageStatements.set(n, found);
  }
  return found;
}

/** Per-problem tallies of the given inspections: two statements, as the store does. */
function tallies(inspectionIds: readonly string[], on: string): ProblemTally[] {
  if (inspectionIds.length === 0) return [];
  const statements = statementsFor(inspectionIds.length);
  const measures = new Map(
    (statements.measures.all(on, ...inspectionIds) as Row[]).map((m) => [m.problem_id as string, m]),
  );
  return (statements.problems.all(...inspectionIds) as Row[]).map((p): ProblemTally => {
    const m = measures.get(p.id as string);
    const total = Number(m?.measures ?? 0);
    const open = Number(m?.open ?? 0);
    return {
      problemId: p.id as string,
      inspectionId: p.inspection_id as string,
      aspectId: p.aspect_id as string | null,
      measures: total,
      open,
      closed: total - open,
      closedLongTerm: Number(m?.closed_long_term ?? 0),
      overdue: Number(m?.overdue ?? 0),
    };
  });
}

function group<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(keyOf(item));
    if (list) list.push(item);
    else map.set(keyOf(item), [item]);
  }
  return map;
}

/** The same object getInspectionLedger builds, key for key. */
function ledger(id: string, asOf: string): InspectionLedger | undefined {
  const readAll = db.transaction(() => {
    const row = q.inspection.get(id) as Row | undefined;
    if (row === undefined) return undefined;
    const inspection = inspectionFromRow(row as never);
    const unit = orgFromRow(q.org.get(inspection.targetOrgId) as never);
    const cooperators = group(q.cooperators.all(id) as Row[], (c) => c.measure_id as string);
    const groupRow = q.group.get(id) as Row | undefined;
    return {
      inspection,
      unit,
      aspects: (q.aspects.all(id) as never[]).map(aspectFromRow),
      problems: (q.problems.all(id) as never[]).map(problemFromRow),
      measures: (q.measures.all(id) as Row[]).map((m) =>
        measureFromRow(
          m as never,
          (cooperators.get(m.id as string) ?? []).map((c) => c.org_id as string),
        ),
      ),
      outcomes: (q.outcomes.all(id) as never[]).map(outcomeFromRow),
      plan: {
        leadingGroup: groupRow && {
          inspectionId: groupRow.inspection_id as string,
          leader: groupRow.leader as string,
          members: JSON.parse(groupRow.members as string) as string[],
        },
        meetings: (q.meetings.all(id) as Row[]).map((m) => ({
          id: m.id as string,
          inspectionId: m.inspection_id as string,
          heldOn: m.held_on as string,
          title: m.title as string,
        })),
        items: (q.items.all(id) as Row[]).map((i) => ({
          id: i.id as string,
          inspectionId: i.inspection_id as string,
          seq: Number(i.seq),
          text: i.text as string,
          deadline: i.deadline as string | null,
        })),
      },
      tallies: tallies([id], asOf),
      people: (q.people.all(id) as Row[]).map((p) => ({
        id: p.id as string,
        orgId: p.org_id as string,
        name: p.name as string,
        post: p.post as string | null,
      })),
    };
  });
  const read = readAll();
  if (read === undefined) return undefined;
  const tallyByProblem = new Map(read.tallies.map((t) => [t.problemId, t]));
  const measuresByProblem = group(read.measures, (m) => m.problemId);
  const outcomesByProblem = group(read.outcomes, (o) => o.problemId ?? "");
  const problems: LedgerProblem[] = read.problems.map((p) => ({
    ...p,
    status: deriveProblemStatus(tallyByProblem.get(p.id) ?? { measures: 0, open: 0, closedLongTerm: 0 }),
    measures: (measuresByProblem.get(p.id) ?? []).map((m) => ({ ...m, overdue: isOverdue(m, asOf) })),
    outcomes: outcomesByProblem.get(p.id) ?? [],
  }));
  const byAspect = countLedgerBy(read.tallies, (t) => t.aspectId);
  return {
    inspection: read.inspection,
    unit: read.unit,
    asOf,
    aspects: read.aspects.map((a) => ({ ...a, counts: byAspect.get(a.id) ?? countLedger([]) })),
    problems,
    counts: countLedger(read.tallies),
    outcomeTotals: totalOutcomes(read.outcomes),
    plan: read.plan,
    people: read.people.sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
  };
}

/** The first page of GET /api/v1/inspections, as listInspections answers it for an admin. */
function firstPage(limit: number, asOf: string) {
  const read = db.transaction(() => {
    const rows = (q.firstPage.all(limit + 1) as never[]).map(inspectionFromRow);
    const shown = rows.slice(0, limit);
    return {
      rows,
      shown,
      tallies: tallies(
        shown.map((i) => i.id),
        asOf,
      ),
    };
  })();
  const byInspection = countLedgerBy(read.tallies, (t) => t.inspectionId);
  const last = read.shown.at(-1);
  return {
    asOf,
    items: read.shown.map((inspection) => ({
      inspection,
      counts: byInspection.get(inspection.id) ?? countLedger([]),
    })),
    nextCursor:
      read.rows.length > limit && last !== undefined
        ? encodeInspectionCursor({ feedbackDate: last.feedbackDate, id: last.id })
        : null,
  };
}

const CONSTANT = JSON.stringify({ status: "ok", database: "none", note: "constant body of the baseline" });

const app = Fastify({ logger: false });
app.get("/const", async (_request, reply) => reply.type("application/json; charset=utf-8").send(CONSTANT));
app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>("/ledger/:id", (request, reply) => {
  const found = ledger(request.params.id, request.query.asOf ?? "2023-06-30");
  void (found ? reply.send(found) : reply.code(404).send({ error: { code: "inspection_not_found" } }));
});
app.get<{ Querystring: { asOf?: string; limit?: string } }>("/inspections", (request, reply) => {
  void reply.send(firstPage(Number(request.query.limit ?? 50), request.query.asOf ?? "2023-06-30"));
});
app.get("/health", (_request, reply) => {
  void reply.send({ status: "ok" });
});
await app.listen({ host: "127.0.0.1", port: Number(portText) });
process.stdout.write(`raw server listening on ${portText}\n`);
