// An HTTP app over a fresh store for one test (SQLite unless a database is given), a clock the test can move,
// signed-in users, and a raw-socket client for what inject would normalise.

import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { EvidenceFiles } from "../../src/app/evidence-files.ts";
import type { SessionDeps } from "../../src/app/session-deps.ts";
import { diskEvidenceFiles } from "../../src/runtime/disk-evidence-files.ts";
import { chineseDaysCalendar } from "../../src/main.ts";
import { createUser } from "../../src/app/create-user.ts";
import { grantRole } from "../../src/app/grant-role.ts";
import { SYSTEM_CALLER, type Role } from "../../src/domain/account.ts";
import { buildApp, type AppDeps, type AppOptions } from "../../src/http/build-app.ts";
import { argon2Passwords } from "../../src/runtime/argon2-passwords.ts";
import { memoryUnknownLoginFailures, randomTokens } from "../../src/runtime/random-tokens.ts";
import type { Store } from "../../src/storage/store.ts";
import { testDatabases, testDeps, type TestDatabase } from "../support/test-stores.ts";

export interface TestClock {
  /** Moves the clock forward. */
  advanceMinutes(minutes: number): void;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** Session deps over `store` with the real password and token ports and a clock starting 2021-06-30T08:00Z. */
export function sessionTestDeps(
  store: Store,
  files?: EvidenceFiles,
): AppDeps & { clock: SessionDeps["clock"] & TestClock } {
  let at = Date.parse("2021-06-30T08:00:00.000Z");
  const base = testDeps(store);
  return {
    ...base,
    clock: {
      now: () => new Date(at).toISOString(),
      today: () => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10),
      advanceMinutes: (minutes) => {
        at += minutes * 60_000;
      },
    },
    passwords: argon2Passwords,
    tokens: randomTokens,
    unknownLogins: memoryUnknownLoginFailures(),
    // Evidence content in a fresh folder under the system's temp directory (left for the OS to clear).
    files: files ?? diskEvidenceFiles(mkdtempSync(join(tmpdir(), "zhenggai-test-evidence-"))),
    calendar: chineseDaysCalendar(),
  };
}

/** buildApp over an empty migrated database (SQLite by default); close() releases both. */
export async function openTestApp(
  options: AppOptions = {},
  database: TestDatabase = testDatabases[0]!,
  files?: EvidenceFiles,
): Promise<TestApp> {
  const opened = await database.open();
  const deps = sessionTestDeps(opened.store, files);
  const app = buildApp(deps, { checkAnswers: true, ...options });
  return {
    app,
    deps,
    clock: deps.clock,
    async close() {
      await app.close();
      await opened.cleanup();
    },
  };
}

export const TEST_PASSWORD = "Zhenggai-test-2026";

export interface SignedInUser {
  readonly login: string;
  /** `zg_session=…`, ready for a Cookie header. */
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers of a signed-in unsafe request: the cookie and the CSRF token. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Creates an account (role over `orgId`, admin: everything) through the use cases and signs it in over HTTP. */
export async function signedInUser(
  test: Pick<TestApp, "app" | "deps">,
  login: string,
  grant: { role: Role; orgId: string | null },
): Promise<SignedInUser> {
  const orgId = grant.orgId ?? (await test.deps.store.orgs.list({ kind: "all" }))[0]?.id;
  if (orgId === undefined) {
    // An admin on an empty database: no org to belong to, so created like the first admin.
    await test.deps.store.users.insert(
      {
        id: `usr-${login}`,
        login,
        displayName: login,
        orgId: null,
        personId: null,
        disabled: false,
        version: 1,
      },
      await argon2Passwords.hash(TEST_PASSWORD),
      test.deps.clock.now(),
    );
    await test.deps.store.grants.insert(
      { id: `grt-${login}`, userId: `usr-${login}`, role: grant.role, orgId: null },
      test.deps.clock.now(),
    );
  } else {
    await createUser(test.deps, SYSTEM_CALLER, { login, displayName: login, orgId, password: TEST_PASSWORD });
    await grantRole(test.deps, SYSTEM_CALLER, { login, role: grant.role, orgId });
  }
  return signIn(test.app, login, TEST_PASSWORD);
}

/** POST /api/v1/session; fails the test unless it answers 200 with a cookie. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<SignedInUser> {
  const res = await app.inject({ method: "POST", url: "/api/v1/session", payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} answered ${res.statusCode}: ${res.body}`);
  const setCookie = String(res.headers["set-cookie"]);
  const cookie = setCookie.split(";")[0] ?? "";
  const { csrfToken } = res.json<{ csrfToken: string }>();
  return { login, cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

export interface RawResponse {
  readonly status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends `request` byte for byte to a listening server and reads until the server closes the connection. */
export function sendRaw(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve(parseRawResponse(Buffer.concat(chunks).toString("utf8")));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    socket.end(request);
  });
}

function parseRawResponse(text: string): RawResponse {
  const headerEnd = text.indexOf("\r\n\r\n");
  if (headerEnd < 0) throw new Error(`no complete response: ${JSON.stringify(text)}`);
  const [statusLine = "", ...lines] = text.slice(0, headerEnd).split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: text.slice(headerEnd + 4) };
}
