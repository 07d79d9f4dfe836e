import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // expect.poll waits for a browser or a server round trip; vitest's 1 s default is shorter than one on a loaded
    // CI machine (two cores, several browsers and LibreOffice at once).
    expect: { poll: { timeout: 10_000 } },
  },
});
