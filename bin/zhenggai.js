#!/usr/bin/env node
// Entry point for `npx zhenggai` and `npm start`: runs the TypeScript sources through tsx, no build step.
import { register } from "tsx/esm/api";

register();
const { runFromProcess } = await import("../src/cli/run-from-process.ts");
await runFromProcess();
