// The pending imports repository on both databases: JSON kept as given, a claim succeeds once and only for the
// uploader before expiry, discarding leaves confirmed imports alone, expired rows are deleted; a workbook's bytes are
// kept apart, and a revision succeeds once per version.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PendingImport, Store } from "../../src/storage/store.ts";
import { testDatabases } from "../support/test-stores.ts";

const NOW = "2021-06-30T08:00:00.000Z";
const LATER = "2021-06-30T08:31:00.000Z";

const pending = (id: string, overrides: Partial<PendingImport> = {}): PendingImport => ({
  id,
  userId: "usr-a",
  unitId: "unt-a",
  kind: "notice",
  fileName: "通报.docx",
  fileSha256: "a".repeat(64),
  input: { unitName: "市文联党组", problems: [{ title: "四风问题", measures: [] }] },
  preview: { counts: { problems: 1 } },
  confirmable: true,
  createdAt: NOW,
  expiresAt: "2021-06-30T08:30:00.000Z",
  confirmedAt: null,
  inspectionId: null,
  skipInvalid: false,
  version: 1,
  corrections: [],
  undoneCorrections: [],
  ...overrides,
});

describe.each(testDatabases)("pending imports on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    await store.orgs.insert({
      id: "unt-a",
      parentId: null,
      kind: "unit",
      name: "市文联党组",
      path: "/unt-a/",
    });
    for (const id of ["usr-a", "usr-b"]) {
      await store.users.insert(
        { id, login: id, displayName: id, orgId: "unt-a", personId: null, disabled: false, version: 1 },
        "hash",
        NOW,
      );
    }
  });
  afterEach(async () => cleanup());

  it("keeps input and preview as given and counts the uploader's open imports", async () => {
    await store.pendingImports.insert(pending("imp1"));
    await store.pendingImports.insert(pending("imp2", { kind: "ledger", confirmable: false }));
    await store.pendingImports.insert(pending("imp3", { userId: "usr-b" }));
    expect(await store.pendingImports.get("imp1")).toEqual(pending("imp1"));
    expect(await store.pendingImports.get("imp2")).toMatchObject({ kind: "ledger", confirmable: false });
    expect(await store.pendingImports.countOpen("usr-a", NOW)).toBe(2);
    expect(await store.pendingImports.countOpen("usr-a", LATER)).toBe(0);
    expect(await store.pendingImports.get("nope")).toBeUndefined();
  });

  it("claims once, only for the uploader and before expiry; a confirmed import cannot be discarded", async () => {
    await store.pendingImports.insert(pending("imp1"));
    expect(await store.pendingImports.claim("imp1", "usr-b", NOW)).toBe(false);
    expect(await store.pendingImports.claim("imp1", "usr-a", LATER)).toBe(false);
    const claims = await Promise.all(
      [1, 2, 3].map(() => store.transaction((tx) => tx.pendingImports.claim("imp1", "usr-a", NOW))),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.pendingImports.setInspection("imp1", "ins1");
    expect(await store.pendingImports.get("imp1")).toMatchObject({ confirmedAt: NOW, inspectionId: "ins1" });
    expect(await store.pendingImports.discard("imp1", "usr-a")).toBe(false);
    expect(await store.pendingImports.countOpen("usr-a", NOW)).toBe(0);
  });

  it("discards only the uploader's import, and deletes expired ones, confirmed or not", async () => {
    await store.pendingImports.insert(pending("imp1"));
    await store.pendingImports.insert(pending("imp2", { confirmedAt: NOW, inspectionId: "ins1" }));
    await store.pendingImports.insert(pending("imp3", { expiresAt: "2021-06-30T09:00:00.000Z" }));
    expect(await store.pendingImports.discard("imp1", "usr-b")).toBe(false);
    expect(await store.pendingImports.discard("imp1", "usr-a")).toBe(true);
    expect(await store.pendingImports.discard("imp1", "usr-a")).toBe(false);
    expect(await store.pendingImports.deleteExpired(LATER)).toBe(1);
    expect(await store.pendingImports.get("imp2")).toBeUndefined();
    expect(await store.pendingImports.get("imp3")).toBeDefined();
  });

  it("keeps a workbook's bytes apart, and revises an import only at its version, for its uploader, unconfirmed", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 10, 13]);
    await store.pendingImports.insert(pending("imp1", { kind: "ledger", skipInvalid: true }), bytes);
    await store.pendingImports.insert(pending("imp2"));
    expect(await store.pendingImports.getUpload("imp1")).toEqual(bytes);
    expect(await store.pendingImports.getUpload("imp2")).toBeUndefined();
    expect(await store.pendingImports.get("imp1")).toMatchObject({ skipInvalid: true, version: 1 });

    const revision = {
      input: { unitName: "市文联党组", problems: [] },
      preview: { counts: { problems: 0 } },
      confirmable: false,
      corrections: [{ summary: "改了" }],
      undoneCorrections: [{ summary: "改过又撤销了", undoneAt: NOW }],
    };
    expect(await store.pendingImports.revise("imp1", "usr-b", 1, revision, NOW)).toBe(false);
    expect(await store.pendingImports.revise("imp1", "usr-a", 2, revision, NOW)).toBe(false);
    expect(await store.pendingImports.revise("imp1", "usr-a", 1, revision, LATER)).toBe(false);
    const revised = await Promise.all(
      [1, 2, 3].map(() => store.pendingImports.revise("imp1", "usr-a", 1, revision, NOW)),
    );
    expect(revised.filter(Boolean)).toHaveLength(1);
    expect(await store.pendingImports.get("imp1")).toMatchObject({ ...revision, version: 2 });
    expect(await store.pendingImports.claim("imp1", "usr-a", NOW)).toBe(true);
    expect(await store.pendingImports.revise("imp1", "usr-a", 2, revision, NOW)).toBe(false);
  });
});
