// The setting of the import tests over HTTP: 市文联党组 under its 巡察办 with its unit office signed in, and a file
// staged as the page uploads it.

import { expect } from "vitest";
import type { TestDatabase } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";
import { multipartBody } from "./multipart-body.ts";

export const IMPORT_UNIT_ID = "unt-wenlian";

/** A test app on `database` with the unit and its unit office (login office.wl), signed in. */
export async function openImportTestApp(
  database: TestDatabase,
): Promise<{ t: TestApp; office: SignedInUser }> {
  const t = await openTestApp({}, database);
  await t.deps.store.orgs.insertMany([
    { id: "ovs-wuxi", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs-wuxi/" },
    {
      id: IMPORT_UNIT_ID,
      parentId: "ovs-wuxi",
      kind: "unit",
      name: "市文联党组",
      path: `/ovs-wuxi/${IMPORT_UNIT_ID}/`,
    },
  ]);
  const office = await signedInUser(t, "office.wl", { role: "unit_office", orgId: IMPORT_UNIT_ID });
  return { t, office };
}

/** Stages `content` as the file `name` for the unit, expecting 201; answers the staged import. */
export async function stageImportFile<T>(
  t: TestApp,
  user: SignedInUser,
  name: string,
  content: Buffer,
): Promise<T> {
  const body = multipartBody([
    { name: "unitId", value: IMPORT_UNIT_ID },
    { name: "file", fileName: name, content },
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/imports",
    headers: { ...user.headers, "content-type": body.contentType },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<T>();
}
