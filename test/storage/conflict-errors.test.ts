// A unique-key collision reaches callers as StorageConflictError with a Chinese message, never the driver's text.

import { describe, expect, it } from "vitest";
import { StorageConflictError } from "../../src/storage/storage-errors.ts";
import { testDatabases } from "../support/test-stores.ts";

describe.each(testDatabases)("storage conflicts on $name", (database) => {
  it("reports a duplicate name under one parent as a conflict to retry, in Chinese, inside and outside transactions", async () => {
    const { store, cleanup } = await database.open();
    try {
      const org = (id: string) => ({
        id,
        parentId: null,
        kind: "unit" as const,
        name: "市文联党组",
        path: `/${id}/`,
      });
      await store.orgs.insert(org("unt1"));
      const direct = await store.orgs.insert(org("unt2")).catch((e: unknown) => e);
      expect(direct).toBeInstanceOf(StorageConflictError);
      expect((direct as Error).message).toMatch(/冲突.*请重试/);
      expect((direct as Error).message).not.toMatch(/duplicate|UNIQUE|constraint/i);
      const inTransaction = await store
        .transaction((tx) => tx.orgs.insert(org("unt3")))
        .catch((e: unknown) => e);
      expect(inTransaction).toBeInstanceOf(StorageConflictError);
    } finally {
      await cleanup();
    }
  });
});
