// Which pages and buttons the signed-in caller is offered, from the roles of their grants and the domain's own table
// of who may do what. The server decides for each place (a grant covers one org subtree); the page only hides what
// no grant of the caller could allow, and shows the server's refusal for the rest.
import { mayAct, type Action } from "../domain/permissions.ts";
import type { Session } from "./models.ts";

/** Whether any of the caller's grants has a role that may do `action` somewhere. */
export function mayEver(session: Session, action: Action): boolean {
  return mayAct(new Set(session.grants.map((g) => g.role)), action);
}

export function isAdmin(session: Session): boolean {
  return session.grants.some((g) => g.role === "admin");
}
