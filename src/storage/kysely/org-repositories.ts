// Orgs and people.

import type { Kysely } from "kysely";
import type { Org, OrgKind, Person } from "../../domain/org.ts";
import { scopeOf, type Scope } from "../../domain/scope.ts";
import type { OrgRepository, PersonRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { fixedStatement } from "./fixed-statement.ts";
import { orgFromRow, personFromRow } from "./row-mappers.ts";
import { chunkRows, pathInScope } from "./scope-filter.ts";

/** An org by id, unrestricted: the access checks of every write read a few of these (compiled once). */
const orgById = fixedStatement(1, (db, id: string) => db.selectFrom("orgs").selectAll().where("id", "=", id));

export function orgRepository(db: Kysely<Database>): OrgRepository {
  // Within one transaction an org read once is not read again: orgs are only ever inserted, never changed, and an
  // access check reads the same few (the grant's, the unit's, the department's) several times per write.
  const seen = db.isTransaction ? new Map<string, Org>() : null;
  return {
    async insert(org: Org) {
      await this.insertMany([org]);
    },
    async insertMany(orgs: readonly Org[]) {
      for (const chunk of chunkRows(orgs, 5)) {
        await db
          .insertInto("orgs")
          .values(
            chunk.map((o) => ({ id: o.id, parent_id: o.parentId, kind: o.kind, name: o.name, path: o.path })),
          )
          .execute();
      }
    },
    async get(scope: Scope, id: string) {
      const known = scope.kind === "all" ? seen?.get(id) : undefined;
      if (known) return known;
      const row =
        scope.kind === "all"
          ? (await orgById(db, id)).rows[0]
          : await db
              .selectFrom("orgs")
              .selectAll()
              .where("id", "=", id)
              .where(pathInScope(scope, "orgs.path"))
              .executeTakeFirst();
      const org = row && orgFromRow(row);
      if (org && scope.kind === "all") seen?.set(id, org);
      return org;
    },
    async list(scope: Scope, filter: { kind?: OrgKind; parentId?: string | null } = {}) {
      let q = db.selectFrom("orgs").selectAll().where(pathInScope(scope, "orgs.path"));
      if (filter.kind) q = q.where("kind", "=", filter.kind);
      if (filter.parentId !== undefined)
        q = q.where("parent_id", filter.parentId === null ? "is" : "=", filter.parentId);
      return (await q.orderBy("path").execute()).map(orgFromRow);
    },
    async findChildByName(parentId: string | null, name: string) {
      const row = await db
        .selectFrom("orgs")
        .selectAll()
        .where("parent_id", parentId === null ? "is" : "=", parentId)
        .where("name", "=", name)
        .executeTakeFirst();
      return row && orgFromRow(row);
    },
    async insertUnlessNamed(org: Org) {
      // ON CONFLICT DO NOTHING waits for a concurrent insert of the same name (the unique index of 0004)
      // and skips ours if that one commits; the read that follows then sees the winner (READ COMMITTED).
      await db
        .insertInto("orgs")
        .values({ id: org.id, parent_id: org.parentId, kind: org.kind, name: org.name, path: org.path })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const stored = await this.findChildByName(org.parentId, org.name);
      if (!stored) throw new Error(`org ${org.name} neither inserted nor found`);
      return stored;
    },
    async page(scope: Scope, page: { afterPath: string | null; limit: number }) {
      // A department reporter sees their department subtree as well as any whole subtree.
      const visible: Scope =
        scope.kind === "all" ? scope : scopeOf([...scope.paths, ...scope.departmentPaths]);
      let q = db.selectFrom("orgs").selectAll().where(pathInScope(visible, "orgs.path"));
      if (page.afterPath !== null) q = q.where("path", ">", page.afterPath);
      return (await q.orderBy("path").limit(page.limit).execute()).map(orgFromRow);
    },
  };
}

export function personRepository(db: Kysely<Database>): PersonRepository {
  return {
    async insert(p: Person) {
      await this.insertMany([p]);
    },
    async insertMany(people: readonly Person[]) {
      for (const chunk of chunkRows(people, 4)) {
        await db
          .insertInto("people")
          .values(chunk.map((p) => ({ id: p.id, org_id: p.orgId, name: p.name, post: p.post })))
          .execute();
      }
    },
    async findByName(orgId: string, name: string) {
      const row = await db
        .selectFrom("people")
        .selectAll()
        .where("org_id", "=", orgId)
        .where("name", "=", name)
        .executeTakeFirst();
      return row && personFromRow(row);
    },
    async listByOrg(scope: Scope, orgId: string) {
      const rows = await db
        .selectFrom("people")
        .innerJoin("orgs", "orgs.id", "people.org_id")
        .selectAll("people")
        .where("people.org_id", "=", orgId)
        .where(pathInScope(scope, "orgs.path"))
        .orderBy("people.name")
        .execute();
      return rows.map(personFromRow);
    },
    async get(id: string) {
      const row = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
      return row && personFromRow(row);
    },
    async getMany(ids: readonly string[]) {
      const found: Person[] = [];
      // Chunks keep each statement far below SQLite's and PostgreSQL's limits on bound values.
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom("people")
          .selectAll()
          .where("id", "in", ids.slice(i, i + 500))
          .execute();
        found.push(...rows.map(personFromRow));
      }
      return found;
    },
  };
}
