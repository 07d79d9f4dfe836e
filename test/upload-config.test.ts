import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";

describe("config: upload limits", () => {
  it("defaults to 20 MiB per file and 10 files, and reads both from the environment", () => {
    expect(readConfig({}, {})).toMatchObject({ uploadFileMb: 20, uploadFiles: 10 });
    expect(readConfig({}, { ZHENGGAI_UPLOAD_FILE_MB: "50", ZHENGGAI_UPLOAD_FILES: "3" })).toMatchObject({
      uploadFileMb: 50,
      uploadFiles: 3,
    });
  });

  it("refuses limits that are not whole numbers in range, naming the setting", () => {
    expect(() => readConfig({}, { ZHENGGAI_UPLOAD_FILE_MB: "0" })).toThrow(/uploadFileMb/);
    expect(() => readConfig({}, { ZHENGGAI_UPLOAD_FILE_MB: "2.5" })).toThrow(/uploadFileMb/);
    expect(() => readConfig({}, { ZHENGGAI_UPLOAD_FILES: "1000" })).toThrow(/uploadFiles/);
  });
});
