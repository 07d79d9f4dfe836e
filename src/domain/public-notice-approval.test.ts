import { describe, expect, it } from "vitest";
import type { Role } from "./account.ts";
import {
  mayCancelRequest,
  mayDecideRequest,
  requireCancel,
  requireDecision,
  type ApprovalFacts,
} from "./public-notice-approval.ts";

const roles = (...r: Role[]): ReadonlySet<Role> => new Set(r);
const pending: ApprovalFacts = { state: "pending", submittedBy: "usr-office" };

describe("who decides a request to publish a public notice", () => {
  it("lets the unit's leader or an administrator decide another's pending request", () => {
    expect(mayDecideRequest(roles("unit_leader"), "usr-leader", pending)).toBe(true);
    expect(mayDecideRequest(roles("admin"), "usr-root", pending)).toBe(true);
    expect(mayDecideRequest(roles("unit_office", "oversight"), "usr-x", pending)).toBe(false);
    expect(() => requireDecision(roles("unit_office"), "usr-x", pending)).toThrow(/审批公开通报/);
  });

  it("never lets the submitter decide their own request, an administrator neither", () => {
    for (const held of [roles("unit_leader", "unit_office"), roles("admin")]) {
      expect(mayDecideRequest(held, "usr-office", pending)).toBe(false);
      expect(() => requireDecision(held, "usr-office", pending)).toThrow(
        expect.objectContaining({ code: "public_notice_own_request" }) as Error,
      );
    }
  });

  it("refuses any decision or cancellation once the request is no longer pending, naming what became of it", () => {
    const returned: ApprovalFacts = { state: "returned", submittedBy: "usr-office" };
    expect(mayDecideRequest(roles("admin"), "usr-root", returned)).toBe(false);
    expect(() => requireDecision(roles("unit_leader"), "usr-leader", returned)).toThrow(/已退回/);
    expect(() => requireCancel(roles("unit_office"), "usr-office", returned)).toThrow(/已退回/);
  });

  it("lets the submitter (still an office) or an administrator cancel, nobody else", () => {
    expect(mayCancelRequest(roles("unit_office"), "usr-office", pending)).toBe(true);
    expect(mayCancelRequest(roles("viewer"), "usr-office", pending)).toBe(false);
    expect(mayCancelRequest(roles("unit_office"), "usr-colleague", pending)).toBe(false);
    expect(mayCancelRequest(roles("unit_leader"), "usr-leader", pending)).toBe(false);
    expect(mayCancelRequest(roles("admin"), "usr-root", pending)).toBe(true);
    expect(() => requireCancel(roles("unit_office"), "usr-colleague", pending)).toThrow(/只有提交人/);
  });
});
