// Every route × every role × (inside the caller's scope, outside it) → the access decision, on both databases.
// "ok" means the request passed sign-in, visibility and permission (any answer but 401/403/404; a 409 for a state
// the measure is not in still counts as allowed). The table must name every route the app serves: a new route
// without rows fails the first test.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { createApiToken } from "../../src/app/api-tokens.ts";
import { requestExtension } from "../../src/app/extensions.ts";
import { publishPublicNotice } from "../../src/app/publish-public-notice.ts";
import { submitPublicNoticeRequest } from "../../src/app/submit-public-notice-request.ts";
import { SYSTEM_CALLER, type Role } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { buildApp } from "../../src/http/build-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { multipartBody } from "../support/multipart-body.ts";
import { testDatabases } from "../support/test-stores.ts";
import {
  openTestApp,
  sessionTestDeps,
  signedInUser,
  signIn,
  TEST_PASSWORD,
  type SignedInUser,
  type TestApp,
} from "./http-test-app.ts";

const EXAMPLE_NOTICE = readFileSync(new URL("../../assets/example-notice.txt", import.meta.url), "utf8");

const NEW_PASSWORD = "Zhenggai-new-2027";

type Decision = "ok" | 401 | 403 | 404;
type Who = Role | "anonymous";
const ROLES_IN_MATRIX: readonly Who[] = [
  "admin",
  "oversight",
  "inspection_team",
  "unit_office",
  "unit_leader",
  "department_reporter",
  "supervisor",
  "viewer",
  "anonymous",
];

interface Fixture {
  readonly t: TestApp;
  readonly users: Map<Role, SignedInUser>;
  /** Per side: the inspection, a measure of the 办公室 department, that department and the unit. */
  readonly inside: Side;
  readonly outside: Side;
  readonly evidenceInside: string;
  readonly evidenceOutside: string;
  counter: number;
  /** Imports the admin staged and has not yet discarded (a user may hold only a few at once). */
  readonly staged: string[];
}
interface Side {
  readonly inspectionId: string;
  readonly measureId: string;
  readonly departmentId: string;
  readonly unitId: string;
}
interface Call {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly url: string;
  readonly payload?: object | Buffer;
  readonly headers?: Record<string, string>;
}
interface RouteCase {
  /** Builds the request for one role on one side (creating what it consumes, e.g. a pending extension). */
  readonly call: (fx: Fixture, side: Side, who: Who) => Promise<Call> | Call;
  /** The decision inside the scope, per role (anonymous: 401 unless public). */
  readonly inside: Partial<Record<Who, Decision>> & { default: Decision };
  /** Outside: default 404 for every signed-in role but admin (which sees everything); null = not scoped. */
  readonly outside?: Partial<Record<Who, Decision>> & { default: Decision };
  readonly public?: boolean;
  /** Signs everyone in again afterwards (for routes that end sessions). */
  readonly endsSessions?: boolean;
}

const ALL_OK = { default: "ok" } as const;
const ADMIN_ONLY = { default: 403, admin: "ok" } as const;
const WORKERS = { default: 403, admin: "ok", unit_office: "ok", department_reporter: "ok" } as const;
const HIDDEN_OUTSIDE = { default: 404, admin: "ok" } as const;

/** A later date each time, so that every extension asks for a deadline after the current one. */
const dayAfter = (from: string, days: number): string =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A public notice of the side's inspection, published by the system (a new one each time: withdrawing consumes it). */
const publishedNotice = async (fx: Fixture, s: Side) =>
  (await publishPublicNotice(fx.t.deps, SYSTEM_CALLER, { inspectionId: s.inspectionId })).id;
/** A 督办通知 in the side's register, written straight to the store (a new one each time: a reply consumes it). */
const issuedNotice = async (fx: Fixture, s: Side) => {
  const id = `sva-matrix-${++fx.counter}`;
  await fx.t.deps.store.supervisionActions.insert(
    {
      id,
      inspectionId: s.inspectionId,
      kind: "notice",
      docNumber: null,
      issuedOn: "2021-06-30",
      replyBy: "2021-07-07",
      issuingOrgId: null,
      issuer: "巡察办",
      actorId: "system",
      createdAt: fx.t.deps.clock.now(),
      sha256: null,
      measures: [{ measureId: s.measureId, level: "overdue", deadline: "2021-06-20", daysOverdue: 10 }],
      details: null,
      reply: null,
    },
    null,
  );
  return id;
};
const versionOf = async (fx: Fixture, measureId: string) =>
  (await fx.t.deps.store.measures.get(SCOPE_ALL, measureId))!.version;

const ROUTES: Record<string, RouteCase> = {
  "GET /api/v1/openapi.json": {
    public: true,
    call: () => ({ method: "GET", url: "/api/v1/openapi.json" }),
    inside: ALL_OK,
  },
  "GET /api/v1/docs": {
    public: true,
    call: () => ({ method: "GET", url: "/api/v1/docs" }),
    inside: ALL_OK,
  },
  "GET /api/v1/docs/reference.js": {
    public: true,
    call: () => ({ method: "GET", url: "/api/v1/docs/reference.js" }),
    inside: ALL_OK,
  },
  "GET /api/v1/health": {
    public: true,
    call: () => ({ method: "GET", url: "/api/v1/health" }),
    inside: ALL_OK,
  },
  "POST /api/v1/session": {
    public: true,
    // A new unknown login each time, so that no lockout (429) hides the answer.
    call: (fx) => ({
      method: "POST",
      url: "/api/v1/session",
      payload: { login: `nobody${(fx.counter += 1)}`, password: "x" },
    }),
    // Wrong credentials on purpose: the route is reachable (sign_in_failed), never "unauthenticated".
    inside: { default: 401 },
  },
  "GET /api/v1/session": { call: () => ({ method: "GET", url: "/api/v1/session" }), inside: ALL_OK },
  "DELETE /api/v1/session": {
    call: () => ({ method: "DELETE", url: "/api/v1/session" }),
    inside: ALL_OK,
    endsSessions: true,
  },
  "DELETE /api/v1/sessions": {
    call: () => ({ method: "DELETE", url: "/api/v1/sessions" }),
    inside: ALL_OK,
    endsSessions: true,
  },
  "PUT /api/v1/session/password": {
    call: () => ({
      method: "PUT",
      url: "/api/v1/session/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    }),
    inside: ALL_OK,
    endsSessions: true,
  },
  "GET /api/v1/inspections": { call: () => ({ method: "GET", url: "/api/v1/inspections" }), inside: ALL_OK },
  "GET /api/v1/inspections/summary": {
    call: () => ({ method: "GET", url: "/api/v1/inspections/summary" }),
    inside: ALL_OK,
  },
  "GET /api/v1/statistics/closures": {
    call: () => ({ method: "GET", url: "/api/v1/statistics/closures" }),
    inside: ALL_OK,
  },
  "GET /api/v1/inspections/:id/ledger": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/ledger` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/ledger.xlsx": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/ledger.xlsx` }),
    inside: { default: "ok", department_reporter: 403, viewer: 403 },
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/inspections/:id/notice": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/inspections/${s.inspectionId}/notice`,
      payload: { version: "internal", format: "md" },
    }),
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/inspections/:id/public-notices": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/inspections/${s.inspectionId}/public-notices`,
      payload: {},
    }),
    // Everyone else submits for approval (public_notice_approval_required).
    inside: ADMIN_ONLY,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/public-notices": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/public-notices` }),
    inside: { default: "ok", department_reporter: 403, viewer: 403 },
    outside: HIDDEN_OUTSIDE,
  },
  "DELETE /api/v1/inspections/:id/public-notices/:pid": {
    call: async (fx, s) => ({
      method: "DELETE",
      url: `/api/v1/inspections/${s.inspectionId}/public-notices/${await publishedNotice(fx, s)}`,
      payload: { reason: "内容需要更正" },
    }),
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/public/notices": {
    public: true,
    call: () => ({ method: "GET", url: "/api/v1/public/notices" }),
    inside: ALL_OK,
  },
  "GET /api/v1/public/units": {
    public: true,
    call: () => ({ method: "GET", url: "/api/v1/public/units" }),
    inside: ALL_OK,
  },
  "GET /api/v1/public/notices/:pid": {
    public: true,
    call: async (fx, s) => ({ method: "GET", url: `/api/v1/public/notices/${await publishedNotice(fx, s)}` }),
    inside: ALL_OK,
  },
  "GET /api/v1/public/notices/:pid/file.html": {
    public: true,
    call: async (fx, s) => ({
      method: "GET",
      url: `/api/v1/public/notices/${await publishedNotice(fx, s)}/file.html`,
    }),
    inside: ALL_OK,
  },
  "GET /api/v1/public/notices/:pid/file.docx": {
    public: true,
    call: async (fx, s) => ({
      method: "GET",
      url: `/api/v1/public/notices/${await publishedNotice(fx, s)}/file.docx`,
    }),
    inside: ALL_OK,
  },
  "GET /api/v1/inspections/:id/history": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/history` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/review-chain": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/review-chain` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/deadline-profile": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/deadline-profile` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "PUT /api/v1/inspections/:id/deadline-profile": {
    call: async (fx, s) => ({
      method: "PUT",
      url: `/api/v1/inspections/${s.inspectionId}/deadline-profile`,
      payload: {
        thresholds: { green: 20, yellow: 10, red: 0, basis: "working" },
        cadence: "monthly",
        reportMonths: 2,
        concentratedEnd: null,
      },
      headers: {
        "if-match": `"${(await fx.t.deps.store.deadlineProfiles.get(s.inspectionId))?.version ?? 0}"`,
      },
    }),
    inside: { default: 403, admin: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/warnings": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/warnings` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/reporting": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/reporting` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/statistics/completion": {
    call: () => ({ method: "GET", url: "/api/v1/statistics/completion" }),
    inside: ALL_OK,
  },
  "GET /api/v1/statistics/reporting": {
    call: () => ({ method: "GET", url: "/api/v1/statistics/reporting" }),
    inside: ALL_OK,
  },
  "POST /api/v1/inspections/:id/bulletins": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/inspections/${s.inspectionId}/bulletins`,
      payload: { month: "2021-05", format: "xlsx" },
    }),
    // A bulletin is a 通报: those who may generate notices.
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/round-bulletins": {
    call: () => ({
      method: "POST",
      url: "/api/v1/round-bulletins",
      payload: { round: "十四届市委第八轮", month: "2021-05", format: "xlsx" },
    }),
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok" },
  },
  "POST /api/v1/inspections/:id/supervision-notices": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/inspections/${s.inspectionId}/supervision-notices`,
      payload: { format: "md" },
    }),
    // The inspection office chases the unit; the unit office never issues one to itself.
    inside: { default: 403, admin: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/supervision-actions": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/inspections/${s.inspectionId}/supervision-actions` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/inspections/:id/supervision-actions": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/inspections/${s.inspectionId}/supervision-actions`,
      payload: { kind: "admonition", content: "限期整改", warned: ["王五（党组书记）"] },
    }),
    // 告诫 and 约谈 are the inspection office's (a 409 for the missing notice still counts as allowed).
    inside: { default: 403, admin: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/supervision-actions/:id/reply": {
    call: async (fx, s) => ({
      method: "POST",
      url: `/api/v1/supervision-actions/${await issuedNotice(fx, s)}/reply`,
      payload: { receivedOn: "2021-06-30", summary: "已书面回复" },
    }),
    // The unit office records its unit's written reply.
    inside: { default: 403, admin: "ok", unit_office: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "PUT /api/v1/inspections/:id/review-chain": {
    call: (_fx, s) => ({
      method: "PUT",
      url: `/api/v1/inspections/${s.inspectionId}/review-chain`,
      payload: { levels: ["unit_leader"] },
    }),
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/measures": { call: () => ({ method: "GET", url: "/api/v1/measures" }), inside: ALL_OK },
  "GET /api/v1/measures/:id": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/measures/${s.measureId}` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "PATCH /api/v1/measures/:id": {
    call: async (fx, s) => ({
      method: "PATCH",
      url: `/api/v1/measures/${s.measureId}`,
      payload: { departmentId: s.departmentId, evidenceRequired: false },
      headers: { "if-match": `"${await versionOf(fx, s.measureId)}"` },
    }),
    inside: { default: 403, admin: "ok", unit_office: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/measures/:id/comments": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/measures/${s.measureId}/comments`,
      payload: { text: "请补充佐证材料" },
    }),
    inside: { default: "ok", viewer: 403 },
    outside: HIDDEN_OUTSIDE,
  },
  "PUT /api/v1/measures/:id/hold": {
    call: (_fx, s) => ({
      method: "PUT",
      url: `/api/v1/measures/${s.measureId}/hold`,
      payload: { reason: "线索核查中" },
    }),
    inside: { default: 403, admin: "ok", supervisor: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "DELETE /api/v1/measures/:id/hold": {
    // Lifting answers 404 when there is no hold: place one first so that only the decision shows.
    call: async (fx, s) => {
      await fx.t.deps.store.progress.putHold({
        measureId: s.measureId,
        reason: "线索核查中",
        heldBy: "system",
        heldAt: fx.t.deps.clock.now(),
      });
      return { method: "DELETE", url: `/api/v1/measures/${s.measureId}/hold` };
    },
    inside: { default: 403, admin: "ok", supervisor: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/measures/:id/history": {
    call: (_fx, s) => ({ method: "GET", url: `/api/v1/measures/${s.measureId}/history` }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/measures/:id/progress-reports": {
    call: (_fx, s) => ({
      method: "POST",
      url: `/api/v1/measures/${s.measureId}/progress-reports`,
      payload: { period: "2021-05", text: "已召开专题会议" },
    }),
    inside: WORKERS,
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/measures/:id/events": {
    call: async (fx, s) => ({
      method: "POST",
      url: `/api/v1/measures/${s.measureId}/events`,
      payload: { event: "submit" },
      headers: { "if-match": `"${await versionOf(fx, s.measureId)}"` },
    }),
    inside: WORKERS,
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/measures/:id/extensions": {
    call: (fx, s) => ({
      method: "POST",
      url: `/api/v1/measures/${s.measureId}/extensions`,
      payload: { reason: "跨年度完成", newDeadline: dayAfter("2031-01-01", (fx.counter += 1)) },
    }),
    inside: WORKERS,
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/extensions/:id/decision": {
    call: async (fx, s) => {
      const pending = (await fx.t.deps.store.progress.listExtensions(SCOPE_ALL, s.measureId)).find(
        (x) => x.decision === "pending",
      );
      const id =
        pending?.id ??
        (
          await requestExtension(fx.t.deps, SYSTEM_CALLER, s.measureId, {
            reason: "跨年度完成",
            newDeadline: dayAfter("2032-01-01", (fx.counter += 1)),
          })
        ).id;
      return { method: "POST", url: `/api/v1/extensions/${id}/decision`, payload: { decision: "approved" } };
    },
    inside: { default: 403, admin: "ok", unit_leader: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/evidence/:id/content": {
    call: (fx, s) => ({
      method: "GET",
      url: `/api/v1/evidence/${s === fx.inside ? fx.evidenceInside : fx.evidenceOutside}/content`,
    }),
    inside: ALL_OK,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/notifications": {
    call: () => ({ method: "GET", url: "/api/v1/notifications?unread=true" }),
    inside: ALL_OK,
  },
  "POST /api/v1/notifications/:id/read": {
    // The caller's own notification: everyone signed in reads their own inbox, whatever the role.
    call: async (fx, _s, who) => {
      const id = `ntf_matrix_${(fx.counter += 1)}`;
      const login = who === "anonymous" ? undefined : fx.users.get(who)?.login;
      const user = login === undefined ? undefined : await fx.t.deps.store.users.findByLogin(login);
      if (user !== undefined) {
        await fx.t.deps.store.notifications.insertOnce({
          id,
          recipientId: user.id,
          kind: "warning",
          subject: "提醒",
          text: "提醒",
          link: null,
          inspectionId: null,
          measureId: null,
          level: null,
          dedupeKey: id,
          viaDigest: false,
          digestDay: null,
          createdAt: fx.t.deps.clock.now(),
          readAt: null,
        });
      }
      return { method: "POST", url: `/api/v1/notifications/${id}/read` };
    },
    inside: ALL_OK,
  },
  "POST /api/v1/notifications/read-all": {
    call: () => ({ method: "POST", url: "/api/v1/notifications/read-all" }),
    inside: ALL_OK,
  },
  "GET /api/v1/me/notification-preferences": {
    call: () => ({ method: "GET", url: "/api/v1/me/notification-preferences" }),
    inside: ALL_OK,
  },
  "PUT /api/v1/me/notification-preferences": {
    call: () => ({
      method: "PUT",
      url: "/api/v1/me/notification-preferences",
      payload: { mode: "daily_digest", emailEnabled: false },
    }),
    inside: ALL_OK,
  },
  "GET /api/v1/admin/notification-deliveries": {
    call: () => ({ method: "GET", url: "/api/v1/admin/notification-deliveries?state=dead" }),
    inside: ADMIN_ONLY,
  },
  "POST /api/v1/admin/notification-deliveries/:id/retry": {
    call: async (fx) => {
      const id = `dlv_matrix_${(fx.counter += 1)}`;
      await fx.t.deps.store.notificationDeliveries.insertOnce({
        id,
        notificationId: null,
        digestDay: null,
        recipientId: null,
        targetId: null,
        channel: "email",
        address: "someone@example.org",
        subject: "提醒",
        text: "提醒",
        link: null,
        dedupeKey: id,
        state: "dead",
        attempts: 8,
        nextAttemptAt: fx.t.deps.clock.now(),
        lastError: "550",
        createdAt: fx.t.deps.clock.now(),
        sentAt: null,
      });
      return { method: "POST", url: `/api/v1/admin/notification-deliveries/${id}/retry` };
    },
    inside: ADMIN_ONLY,
  },
  "GET /api/v1/admin/notification-targets": {
    call: () => ({ method: "GET", url: "/api/v1/admin/notification-targets" }),
    inside: ADMIN_ONLY,
  },
  "PUT /api/v1/admin/notification-targets": {
    call: (_fx, s) => ({
      method: "PUT",
      url: "/api/v1/admin/notification-targets",
      payload: { orgId: s.unitId, kind: "webhook", url: "https://hooks.example.org/zg", secret: "k3y-k3y" },
    }),
    inside: ADMIN_ONLY,
    outside: ADMIN_ONLY,
  },
  "DELETE /api/v1/admin/notification-targets/:id": {
    call: async (fx, s) => {
      const target = await fx.t.deps.store.notificationTargets.put({
        id: `ntg_matrix_${(fx.counter += 1)}`,
        orgId: s.unitId,
        kind: "feishu",
        url: "https://open.feishu.cn/open-apis/bot/v2/hook/abc",
        secret: null,
        updatedAt: fx.t.deps.clock.now(),
        updatedBy: "system",
      });
      return { method: "DELETE", url: `/api/v1/admin/notification-targets/${target.id}` };
    },
    inside: ADMIN_ONLY,
    outside: ADMIN_ONLY,
  },
  "GET /api/v1/calendar/overrides": {
    call: () => ({ method: "GET", url: "/api/v1/calendar/overrides" }),
    inside: ADMIN_ONLY,
  },
  "PUT /api/v1/calendar/overrides/:day": {
    call: () => ({
      method: "PUT",
      url: "/api/v1/calendar/overrides/2027-02-05",
      payload: { kind: "holiday", name: "春节" },
    }),
    inside: ADMIN_ONLY,
  },
  "DELETE /api/v1/calendar/overrides/:day": {
    // Deleting answers 404 when there is no override: enter one first so that only the decision shows.
    call: async (fx) => {
      await fx.t.deps.store.calendarOverrides.upsert({
        day: "2027-02-06",
        kind: "holiday",
        name: "春节",
        createdAt: fx.t.deps.clock.now(),
        createdBy: "system",
      });
      return { method: "DELETE", url: "/api/v1/calendar/overrides/2027-02-06" };
    },
    inside: ADMIN_ONLY,
  },
  "POST /api/v1/calendar/overrides/import": {
    call: () => ({
      method: "POST",
      url: "/api/v1/calendar/overrides/import",
      payload: { text: "2027-02-06 放假 春节", dryRun: true },
    }),
    inside: ADMIN_ONLY,
  },
  "GET /api/v1/orgs": { call: () => ({ method: "GET", url: "/api/v1/orgs" }), inside: ALL_OK },
  "POST /api/v1/orgs": {
    call: (fx, s) => ({
      method: "POST",
      url: "/api/v1/orgs",
      payload: { parentId: s.unitId, kind: "department", name: `新科室${(fx.counter += 1)}` },
    }),
    inside: ADMIN_ONLY,
    outside: ADMIN_ONLY,
  },
  "POST /api/v1/orgs/:id/people": {
    call: (fx, s) => ({
      method: "POST",
      url: `/api/v1/orgs/${s.departmentId}/people`,
      payload: { name: `新同志${(fx.counter += 1)}` },
    }),
    inside: { default: 403, admin: "ok", unit_office: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/users": { call: () => ({ method: "GET", url: "/api/v1/users" }), inside: ADMIN_ONLY },
  "GET /api/v1/users/:id": {
    call: async (fx) => ({
      method: "GET",
      url: `/api/v1/users/${(await fx.t.deps.store.users.findByLogin("bystander"))!.id}`,
    }),
    inside: ADMIN_ONLY,
  },
  "POST /api/v1/users": {
    call: (fx, s) => ({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        login: `new.user${(fx.counter += 1)}`,
        displayName: "新用户",
        orgId: s.unitId,
        password: "Zhenggai-new-2027",
      },
    }),
    inside: ADMIN_ONLY,
    outside: ADMIN_ONLY,
  },
  "PATCH /api/v1/users/:id": {
    call: async (fx) => {
      const user = (await fx.t.deps.store.users.findByLogin("bystander"))!;
      return {
        method: "PATCH",
        url: `/api/v1/users/${user.id}`,
        payload: { displayName: "改名" },
        headers: { "if-match": `"${user.version}"` },
      };
    },
    inside: ADMIN_ONLY,
  },
  "POST /api/v1/users/:id/grants": {
    call: async (fx, s) => ({
      method: "POST",
      url: `/api/v1/users/${(await fx.t.deps.store.users.findByLogin("bystander"))!.id}/grants`,
      payload: { role: "supervisor", orgId: s.unitId },
    }),
    inside: ADMIN_ONLY,
    outside: ADMIN_ONLY,
  },
  "DELETE /api/v1/grants/:id": {
    call: async (fx) => {
      const bystander = (await fx.t.deps.store.users.findByLogin("bystander"))!;
      const grants = await fx.t.deps.store.grants.listByUser(bystander.id);
      const extra = grants.find((g) => g.role === "supervisor");
      const grant =
        extra ??
        (await fx.t.deps.store.grants.insert(
          {
            id: `grt-extra-${(fx.counter += 1)}`,
            userId: bystander.id,
            role: "supervisor",
            orgId: bystander.orgId,
          },
          fx.t.deps.clock.now(),
        ),
        (await fx.t.deps.store.grants.listByUser(bystander.id)).find((g) => g.role === "supervisor")!);
      return { method: "DELETE", url: `/api/v1/grants/${grant.id}` };
    },
    inside: ADMIN_ONLY,
  },
  "POST /api/v1/tokens": {
    call: () => ({ method: "POST", url: "/api/v1/tokens", payload: { name: "脚本" } }),
    inside: ALL_OK,
  },
  "GET /api/v1/tokens": { call: () => ({ method: "GET", url: "/api/v1/tokens" }), inside: ALL_OK },
  "DELETE /api/v1/tokens/:id": {
    // Someone else's token (the admin's): only an admin may revoke it; to others it does not exist.
    call: async (fx) => {
      const admin = (await fx.t.deps.store.users.findByLogin("admin"))!;
      const created = await createApiToken(
        fx.t.deps,
        { user: admin, grants: [] },
        { name: `t${fx.counter++}` },
      );
      return { method: "DELETE", url: `/api/v1/tokens/${created.token.id}` };
    },
    inside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/imports": {
    call: (_fx, s) => {
      const form = multipartBody([
        { field: "unitId", value: s.unitId },
        {
          field: "file",
          filename: "通报.txt",
          data: Buffer.from(EXAMPLE_NOTICE, "utf8"),
          contentType: "text/plain",
        },
      ]);
      return {
        method: "POST",
        url: "/api/v1/imports",
        payload: form.body,
        headers: { "content-type": form.contentType },
      };
    },
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok", department_reporter: 404 },
    outside: HIDDEN_OUTSIDE,
  },
};

/** An import staged by the admin over HTTP: its own routes answer only to the one who staged it. */
async function adminImport(fx: Fixture, side: Side): Promise<string> {
  const admin = fx.users.get("admin")!;
  const adminId = (await fx.t.deps.store.users.findByLogin("admin"))!.id;
  for (const id of fx.staged.splice(0)) await fx.t.deps.store.pendingImports.discard(id, adminId);
  const form = multipartBody([
    { field: "unitId", value: side.unitId },
    {
      field: "file",
      filename: "通报.txt",
      data: Buffer.from(EXAMPLE_NOTICE, "utf8"),
      contentType: "text/plain",
    },
  ]);
  const res = await fx.t.app.inject({
    method: "POST",
    url: "/api/v1/imports",
    payload: form.body,
    headers: { ...admin.headers, "content-type": form.contentType },
  });
  if (res.statusCode !== 201) throw new Error(`staging an import answered ${res.statusCode}: ${res.body}`);
  const { id } = res.json<{ id: string }>();
  fx.staged.push(id);
  return id;
}

Object.assign(ROUTES, {
  "GET /api/v1/imports/:id": {
    call: async (fx: Fixture, s: Side) => ({
      method: "GET",
      url: `/api/v1/imports/${await adminImport(fx, s)}`,
    }),
    inside: HIDDEN_OUTSIDE,
  },
  "PATCH /api/v1/imports/:id": {
    call: async (fx: Fixture, s: Side) => ({
      method: "PATCH",
      url: `/api/v1/imports/${await adminImport(fx, s)}`,
      payload: { corrections: [{ op: "setProblemTitle", problem: 1, title: "改过的标题" }] },
      headers: { "if-match": '"1"' },
    }),
    inside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/imports/:id/confirm": {
    call: async (fx: Fixture, s: Side) => ({
      method: "POST",
      url: `/api/v1/imports/${await adminImport(fx, s)}/confirm`,
      payload: {},
    }),
    inside: HIDDEN_OUTSIDE,
  },
  "DELETE /api/v1/imports/:id": {
    call: async (fx: Fixture, s: Side) => ({
      method: "DELETE",
      url: `/api/v1/imports/${await adminImport(fx, s)}`,
    }),
    inside: HIDDEN_OUTSIDE,
  },
  "DELETE /api/v1/imports/:id/corrections/:no": {
    // The admin's import with one correction: only they may undo it.
    call: async (fx: Fixture, s: Side) => {
      const id = await adminImport(fx, s);
      const corrected = await fx.t.app.inject({
        method: "PATCH",
        url: `/api/v1/imports/${id}`,
        headers: { ...fx.users.get("admin")!.headers, "if-match": '"1"' },
        payload: { corrections: [{ op: "setProblemTitle", problem: 1, title: "改过的标题" }] },
      });
      if (corrected.statusCode !== 200) throw new Error(`correcting answered ${corrected.statusCode}`);
      return { method: "DELETE", url: `/api/v1/imports/${id}/corrections/1`, headers: { "if-match": '"2"' } };
    },
    inside: HIDDEN_OUTSIDE,
  },
} satisfies Record<string, RouteCase>);

/**
 * A new pending approval request of the side's inspection, submitted by the system (any earlier pending one cancelled
 * first: one per inspection). The decision routes consume it.
 */
const pendingRequest = async (fx: Fixture, s: Side) => {
  for (const r of await fx.t.deps.store.publicNoticeRequests.listByInspection(s.inspectionId)) {
    if (r.state !== "pending") continue;
    const decision = { at: fx.t.deps.clock.now(), by: "system", byName: "系统", reason: null };
    await fx.t.deps.store.publicNoticeRequests.decide(r.id, {
      state: "cancelled",
      decision,
      publicNoticeId: null,
    });
  }
  return (await submitPublicNoticeRequest(fx.t.deps, SYSTEM_CALLER, { inspectionId: s.inspectionId })).id;
};
/** Some request of the side's inspection, whatever its state (its files stay readable): made once per side. */
const someRequest = async (fx: Fixture, s: Side) =>
  (await fx.t.deps.store.publicNoticeRequests.listByInspection(s.inspectionId))[0]?.id ??
  pendingRequest(fx, s);
const requests = (s: Side) => `/api/v1/inspections/${s.inspectionId}/public-notice-requests`;
const APPROVERS = { default: 403, admin: "ok", unit_leader: "ok" } as const;
const EXPORTERS = { default: "ok", department_reporter: 403, viewer: 403 } as const;

// Approval of public notices (公开通报审批).
Object.assign(ROUTES, {
  "POST /api/v1/inspections/:id/public-notice-requests": {
    // The first allowed role's submission is pending; the others' answer 409 (allowed, but one at a time).
    call: (_fx: Fixture, s: Side) => ({ method: "POST", url: requests(s), payload: {} }),
    inside: { default: 403, admin: "ok", unit_office: "ok", oversight: "ok" },
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/public-notice-requests": {
    call: (_fx: Fixture, s: Side) => ({ method: "GET", url: requests(s) }),
    inside: EXPORTERS,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/public-notice-requests": {
    // Those awaiting the caller, over their own scope: everyone may ask.
    call: () => ({ method: "GET", url: "/api/v1/public-notice-requests" }),
    inside: ALL_OK,
  },
  "POST /api/v1/inspections/:id/public-notice-requests/:rid/approve": {
    call: async (fx: Fixture, s: Side) => ({
      method: "POST",
      url: `${requests(s)}/${await pendingRequest(fx, s)}/approve`,
    }),
    inside: APPROVERS,
    outside: HIDDEN_OUTSIDE,
  },
  "POST /api/v1/inspections/:id/public-notice-requests/:rid/return": {
    call: async (fx: Fixture, s: Side) => ({
      method: "POST",
      url: `${requests(s)}/${await pendingRequest(fx, s)}/return`,
      payload: { reason: "请补充最新数据" },
    }),
    inside: APPROVERS,
    outside: HIDDEN_OUTSIDE,
  },
  "DELETE /api/v1/inspections/:id/public-notice-requests/:rid": {
    // Submitted by the system: of the roles, only an administrator may cancel another's request.
    call: async (fx: Fixture, s: Side) => ({
      method: "DELETE",
      url: `${requests(s)}/${await pendingRequest(fx, s)}`,
    }),
    inside: ADMIN_ONLY,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/public-notice-requests/:rid/file.html": {
    call: async (fx: Fixture, s: Side) => ({
      method: "GET",
      url: `${requests(s)}/${await someRequest(fx, s)}/file.html`,
    }),
    inside: EXPORTERS,
    outside: HIDDEN_OUTSIDE,
  },
  "GET /api/v1/inspections/:id/public-notice-requests/:rid/file.docx": {
    call: async (fx: Fixture, s: Side) => ({
      method: "GET",
      url: `${requests(s)}/${await someRequest(fx, s)}/file.docx`,
    }),
    inside: EXPORTERS,
    outside: HIDDEN_OUTSIDE,
  },
} satisfies Record<string, RouteCase>);

/** METHOD /path of every route the app serves (HEAD twins of GET routes left out), from Fastify's route tree. */
function servedRoutes(app: TestApp["app"]): string[] {
  const served: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│ ]*)(?:[├└]── )?(\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (!match?.[2]) continue;
    // Each tree level indents by four characters; a segment continues the path of the level above it.
    const depth = Math.floor((match[1]!.length + (line.includes("──") ? 4 : 0)) / 4);
    stack.length = depth;
    stack[depth] = match[2];
    for (const method of (match[3] ?? "").split(",").map((m) => m.trim())) {
      if (method !== "" && method !== "HEAD") served.push(`${method} ${stack.join("")}`);
    }
  }
  return served.sort();
}

async function openFixture(database: (typeof testDatabases)[number]): Promise<Fixture> {
  const t = await openTestApp({}, database);
  const ledger = (unitName: string, oversightName: string) =>
    createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        unitName,
        oversightName,
        problems: [
          makeProblem({ measures: [makeMeasure({ department: "办公室", deadline: "2030-12-31" })] }),
          makeProblem({ title: "制度执行不严", measures: [makeMeasure({ department: "财务科" })] }),
        ],
      }),
    );
  const side = async (created: { inspectionId: string; unitId: string }): Promise<Side> => {
    const orgs = await t.deps.store.orgs.list(SCOPE_ALL, { parentId: created.unitId });
    const departmentId = orgs.find((o) => o.name === "办公室")!.id;
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, created.inspectionId);
    const measureId = measures.find((m) => m.departmentId === departmentId)!.id;
    return { inspectionId: created.inspectionId, unitId: created.unitId, departmentId, measureId };
  };
  const inside = await side(await ledger("市文联党组", "市委巡察办"));
  const outside = await side(await ledger("省科协党组", "省审计厅"));
  const office = (await t.deps.store.orgs.list(SCOPE_ALL, { kind: "oversight" })).find(
    (o) => o.name === "市委巡察办",
  )!;
  const grantOrg: Record<Role, string | null> = {
    admin: null,
    oversight: office.id,
    inspection_team: office.id,
    unit_office: inside.unitId,
    unit_leader: inside.unitId,
    department_reporter: inside.departmentId,
    supervisor: inside.unitId,
    viewer: inside.unitId,
  };
  const users = new Map<Role, SignedInUser>();
  for (const role of Object.keys(grantOrg) as Role[]) {
    users.set(role, await signedInUser(t, role, { role, orgId: grantOrg[role] }));
  }
  // The account the user-administration routes act on: not one of the roles above, so their grants stay as set.
  await signedInUser(t, "bystander", { role: "viewer", orgId: inside.unitId });
  const evidenceOn = async (measureId: string) => {
    const stored = await t.deps.files.put([Buffer.from(`%PDF-1.4 ${measureId}`)], 1_000);
    const reportId = `rpt-${measureId}`;
    await t.deps.store.progress.insertReport(
      {
        id: reportId,
        measureId,
        period: "2021-04",
        text: "材料",
        figures: [],
        authorId: null,
        createdAt: t.deps.clock.now(),
      },
      [
        {
          id: `evd-${measureId}`,
          progressReportId: reportId,
          name: "材料.pdf",
          mediaType: "application/pdf",
          ...stored,
        },
      ],
    );
    return `evd-${measureId}`;
  };
  return {
    t,
    users,
    inside,
    outside,
    evidenceInside: await evidenceOn(inside.measureId),
    evidenceOutside: await evidenceOn(outside.measureId),
    counter: 0,
    staged: [],
  };
}

const classify = (status: number, code: string | undefined): Decision | "unauthenticated" =>
  status === 401
    ? code === "unauthenticated"
      ? "unauthenticated"
      : 401
    : status === 403 || status === 404
      ? status
      : "ok";

/** Signs every role in again, with whichever password it now has (the password route changes it). */
async function signInAgain(fx: Fixture): Promise<void> {
  for (const role of [...fx.users.keys()]) {
    const again = await signIn(fx.t.app, role, TEST_PASSWORD).catch(() =>
      signIn(fx.t.app, role, NEW_PASSWORD),
    );
    fx.users.set(role, again);
  }
}

// One fixture per database for the whole table (sign-ins and two ledgers are the slow part); each route's calls
// build what they consume, and routes that end sessions sign everyone in again.
describe.each(testDatabases)("role × route matrix on $name", (database) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture(database);
  });
  afterAll(async () => fx.t.close());

  it("has rows for every route the app serves, and none for a route it does not", () => {
    const app = buildApp(sessionTestDeps(fx.t.deps.store), { checkAnswers: true });
    expect(servedRoutes(app)).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.keys(ROUTES).sort())("%s answers each role as the table says", async (route) => {
    const spec = ROUTES[route]!;
    const sides: Array<["inside" | "outside", Side]> = [["inside", fx.inside]];
    if (spec.outside) sides.push(["outside", fx.outside]);
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const [where, side] of sides) {
      const table = where === "inside" ? spec.inside : spec.outside!;
      for (const who of ROLES_IN_MATRIX) {
        const call = await spec.call(fx, side, who);
        const user = who === "anonymous" ? undefined : fx.users.get(who);
        const res = await fx.t.app.inject({
          method: call.method,
          url: call.url,
          ...(call.payload === undefined ? {} : { payload: call.payload }),
          headers: { ...(user?.headers ?? {}), ...(call.headers ?? {}) },
        });
        const code =
          res.statusCode >= 400 ? res.json<{ error?: { code?: string } }>().error?.code : undefined;
        const expected =
          who === "anonymous"
            ? spec.public
              ? (table.anonymous ?? table.default)
              : "unauthenticated"
            : (table[who] ?? table.default);
        seen.push(`${where} ${who}: ${String(classify(res.statusCode, code))}`);
        wanted.push(`${where} ${who}: ${String(expected)}`);
      }
    }
    if (spec.endsSessions) await signInAgain(fx);
    expect(seen).toEqual(wanted);
  });
});
