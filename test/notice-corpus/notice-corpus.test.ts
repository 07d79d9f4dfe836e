import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreCorpus } from "./notice-score.ts";

const dir = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe("the notice parser on our corpora", () => {
  for (const corpus of ["notices", "notices-unseen", "notices-holdout", "notices-blind"]) {
    for (const score of scoreCorpus(dir(corpus))) {
      it(`${corpus}/${score.name}: every field as a careful reader would extract it`, () => {
        expect(score.refused).toBe(false);
        expect(score.wrong).toEqual([]);
        expect(score.right).toBe(score.total);
      });
    }
  }
});
