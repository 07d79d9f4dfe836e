// The signed-in caller, for pages that name them (the change history says 本人 for the caller's own actions).
import { createContext } from "react";
import type { Session } from "./models.ts";

export const SessionContext = createContext<Session | null>(null);
