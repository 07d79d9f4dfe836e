// Approval requests of public notices on both databases: one pending request per inspection (kept by the database,
// also when two submissions race), decided once, listed by inspection and by the caller's scope; the approved notice
// names its request and approver, and the generations it came from name the approver.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL, scopeOf } from "../../src/domain/scope.ts";
import type { PublicNotice, PublicNoticeRequest, Store } from "../../src/storage/store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

const AT = "2021-06-30T08:00:00.000Z";

describe.each(testDatabases)("public notice requests on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let inspectionId: string;
  let unitId: string;
  let otherInspection: string;
  let n = 0;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    const deps = testDeps(store);
    ({ inspectionId, unitId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger()));
    ({ inspectionId: otherInspection } = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({ unitName: "市科协党组" }),
    ));
  });
  afterEach(async () => cleanup());

  /** A generation recorded in publications, as submitting makes two (.docx and HTML). */
  const publication = async (inspection: string, format: "docx" | "html") => {
    const id = `pub-t${++n}`;
    await store.publications.insert({
      id,
      inspectionId: inspection,
      version: "public",
      layout: "status",
      format,
      sha256: "a".repeat(64),
      withheld: [],
      approvedBy: "usr-office",
      createdAt: AT,
      checkpoint: null,
    });
    return id;
  };

  const makeRequest = async (
    inspection: string,
    overrides: Partial<PublicNoticeRequest> = {},
  ): Promise<PublicNoticeRequest> => ({
    id: `pnr-t${++n}`,
    inspectionId: inspection,
    unitId,
    unitName: "市文联党组",
    title: "中共市文联党组关于巡察整改情况的通报",
    issuedOn: "2021-06-30",
    layout: "aspect",
    options: { layout: "aspect", issuedOn: "2021-06-30", official: { docNumber: "市文联党组〔2021〕3号" } },
    contact: "监督电话：0510-88888888",
    docx: { sha256: "b".repeat(64), size: 1234, publicationId: await publication(inspection, "docx") },
    html: { sha256: "c".repeat(64), size: 567, publicationId: await publication(inspection, "html") },
    submittedBy: "usr-office",
    submittedByName: "办公室张三",
    submittedAt: AT,
    state: "pending",
    decision: null,
    publicNoticeId: null,
    ...overrides,
  });

  const noticeOf = (r: PublicNoticeRequest, approver: string): PublicNotice => ({
    id: `pn-t${++n}`,
    inspectionId: r.inspectionId,
    unitId: r.unitId,
    unitName: r.unitName,
    title: r.title,
    issuedOn: r.issuedOn,
    layout: r.layout,
    contact: r.contact,
    docx: r.docx,
    html: r.html,
    publishedBy: r.submittedBy,
    publishedByName: r.submittedByName,
    publishedAt: AT,
    withdrawal: null,
    approval: { requestId: r.id, by: approver, byName: "书记李四" },
  });

  it("stores a pending request with its exact options and reads it back", async () => {
    const request = await makeRequest(inspectionId);
    expect(await store.publicNoticeRequests.insertPending(request)).toBe(true);
    expect(await store.publicNoticeRequests.get(request.id)).toEqual(request);
    expect(await store.publicNoticeRequests.get("pnr-unknown")).toBeUndefined();
  });

  it("keeps one pending request per inspection, even when two submissions race", async () => {
    const first = await makeRequest(inspectionId);
    const second = await makeRequest(inspectionId);
    const results = await Promise.all([
      store.transaction((tx) => tx.publicNoticeRequests.insertPending(first)),
      store.transaction((tx) => tx.publicNoticeRequests.insertPending(second)),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.publicNoticeRequests.listByInspection(inspectionId)).toHaveLength(1);
    expect(await store.publicNoticeRequests.insertPending(await makeRequest(otherInspection))).toBe(true);
  });

  it("decides a pending request once; then the inspection may have a new pending one", async () => {
    const request = await makeRequest(inspectionId);
    await store.publicNoticeRequests.insertPending(request);
    const notice = noticeOf(request, "usr-leader");
    const decision = { at: "2021-07-01T02:00:00.000Z", by: "usr-leader", byName: "书记李四", reason: null };
    await store.transaction(async (tx) => {
      await tx.publicNotices.insert(notice);
      expect(
        await tx.publicNoticeRequests.decide(request.id, {
          state: "approved",
          decision,
          publicNoticeId: notice.id,
        }),
      ).toBe(true);
    });
    expect(await store.publicNoticeRequests.get(request.id)).toEqual({
      ...request,
      state: "approved",
      decision,
      publicNoticeId: notice.id,
    });
    expect(await store.publicNotices.get(notice.id)).toEqual(notice);
    const again = {
      state: "returned",
      decision: { ...decision, reason: "再看看" },
      publicNoticeId: null,
    } as const;
    expect(await store.publicNoticeRequests.decide(request.id, again)).toBe(false);

    const next = await makeRequest(inspectionId, { submittedAt: "2021-07-02T00:00:00.000Z" });
    expect(await store.publicNoticeRequests.insertPending(next)).toBe(true);
    expect(await store.publicNoticeRequests.decide(next.id, again)).toBe(true);
    expect((await store.publicNoticeRequests.listByInspection(inspectionId)).map((r) => r.state)).toEqual([
      "returned",
      "approved",
    ]);
  });

  it("lists the pending requests a scope shows, oldest first", async () => {
    const ours = await makeRequest(inspectionId);
    const theirs = await makeRequest(otherInspection, { submittedAt: "2021-06-29T08:00:00.000Z" });
    await store.publicNoticeRequests.insertPending(ours);
    await store.publicNoticeRequests.insertPending(theirs);
    const unit = await store.orgs.get(SCOPE_ALL, unitId);
    const mine = await store.publicNoticeRequests.listPending(scopeOf([unit!.path]), 10);
    expect(mine.map((r) => r.id)).toEqual([ours.id]);
    expect((await store.publicNoticeRequests.listPending(SCOPE_ALL, 10)).map((r) => r.id)).toEqual([
      theirs.id,
      ours.id,
    ]);
    expect(await store.publicNoticeRequests.listPending(scopeOf([]), 10)).toEqual([]);
    await store.publicNoticeRequests.decide(ours.id, {
      state: "cancelled",
      decision: { at: AT, by: "usr-office", byName: "办公室张三", reason: null },
      publicNoticeId: null,
    });
    expect(await store.publicNoticeRequests.listPending(scopeOf([unit!.path]), 10)).toEqual([]);
  });

  it("names the approver on the generations a request was made of", async () => {
    const request = await makeRequest(inspectionId);
    await store.publications.setApprover(
      [request.docx.publicationId, request.html.publicationId],
      "usr-leader",
    );
    const rows = await store.publications.listByInspection(SCOPE_ALL, inspectionId);
    const approvers = new Map(rows.map((p) => [p.id, p.approvedBy]));
    expect(approvers.get(request.docx.publicationId)).toBe("usr-leader");
    expect(approvers.get(request.html.publicationId)).toBe("usr-leader");
  });
});
