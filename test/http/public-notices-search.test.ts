// The public page's search over HTTP on both databases, without sign-in: the units that have public notices (count,
// latest, pinyin order, bounded), the list narrowed by unit and by words with its cursor paging across the filter,
// `%`, `_` and `\` taken literally, and withdrawn notices absent from the list, the search and the unit counts.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { publishPublicNotice } from "../../src/app/publish-public-notice.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { addPublicNotices, type PublicNoticeRow } from "../support/public-notice-rows.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, type TestApp } from "./http-test-app.ts";

interface Unit {
  unitId: string;
  unitName: string;
  noticeCount: number;
  latestIssuedOn: string;
  latestPublishedAt: string;
}
interface Summary {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

const WL = "市文联党组";
const KX = "市科协党组";
// 安 (ān) comes before 北 (běi) in pinyin, after it in code points: the order must be the reader's.
const AZ = "安镇街道党工委";
const BT = "北塘区文联党组";
const QL = "市侨联党组";

/** Minutes after 2021-07-01 08:00 UTC. */
const at = (minutes: number) =>
  new Date(Date.parse("2021-07-01T08:00:00.000Z") + minutes * 60_000).toISOString();

describe.each(testDatabases)("the public search over HTTP on $name", (database) => {
  let t: TestApp;
  let published: string;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    const { inspectionId } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger({ unitName: WL }));
    const real = await publishPublicNotice(t.deps, SYSTEM_CALLER, { inspectionId });
    published = real.id;
    // 科协's five notices interleave in time with everyone else's, so that a filtered page skips other units' rows.
    const rows: PublicNoticeRow[] = [
      {
        unitName: WL,
        publishedName: "市文学艺术界联合会党组",
        title: "文联2020年巡察整改通报",
        publishedAt: "2021-01-10T08:00:00.000Z",
        issuedOn: "2020-12-01",
      },
      ...[0, 1, 2, 3, 4].flatMap((i): PublicNoticeRow[] => [
        {
          unitName: KX,
          title: `科协第${i + 1}轮巡察整改情况通报`,
          publishedAt: at(i * 10),
          issuedOn: `2021-0${i + 1}-15`,
        },
        { unitName: AZ, title: `街道第${i + 1}次整改进展`, publishedAt: at(i * 10 + 5) },
      ]),
      {
        unitName: KX,
        title: "科协已撤回的通报",
        publishedAt: at(100),
        issuedOn: "2021-12-31",
        withdrawn: true,
      },
      { unitName: QL, title: "侨联已撤回的通报", publishedAt: at(101), withdrawn: true },
      { unitName: BT, title: "关于100%完成整改的通报", publishedAt: at(200) },
      { unitName: BT, title: "关于1000项措施的通报", publishedAt: at(201) },
      { unitName: BT, title: "关于a_b事项的通报", publishedAt: at(202) },
      { unitName: BT, title: "关于axb事项的通报", publishedAt: at(203) },
      { unitName: BT, title: "关于C:\\docs路径的通报", publishedAt: at(204) },
      { unitName: BT, title: "关于CPC专项的通报", publishedAt: at(205) },
    ];
    await addPublicNotices(t.deps.store, real, rows);
  });
  afterEach(async () => t.close());

  const get = async <T>(url: string): Promise<T> => {
    const res = await t.app.inject({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const titles = async (query: string) =>
    (await get<Page>(`/api/v1/public/notices?${query}`)).items.map((n) => n.title);

  it("lists the units with a notice not withdrawn, with their count and latest, in pinyin order", async () => {
    const { items, total } = await get<{ items: Unit[]; total: number }>("/api/v1/public/units");
    expect(total).toBe(4);
    expect(items.map((u) => u.unitName)).toEqual([AZ, BT, KX, WL]);
    const byName = new Map(items.map((u) => [u.unitName, u]));
    // The withdrawn one is not counted, nor is its later 成文日期 the latest.
    expect(byName.get(KX)).toMatchObject({
      noticeCount: 5,
      latestIssuedOn: "2021-05-15",
      latestPublishedAt: at(40),
    });
    // Renamed since its 2020 notice: one unit, under the name of its newest notice, both counted.
    expect(byName.get(WL)).toMatchObject({ noticeCount: 2, latestIssuedOn: "2021-06-30" });
    expect(items.some((u) => u.unitName === QL || u.unitName === "市文学艺术界联合会党组")).toBe(false);

    const bounded = await get<{ items: Unit[]; total: number }>("/api/v1/public/units?limit=2");
    expect(bounded).toMatchObject({ total: 4, items: [{ unitName: AZ }, { unitName: BT }] });
    const found = await get<{ items: Unit[]; total: number }>(
      `/api/v1/public/units?q=${encodeURIComponent("文联 党组")}`,
    );
    expect(found.items.map((u) => u.unitName)).toEqual([BT, WL]);
    expect(found.total).toBe(2);
    expect((await get<{ total: number }>("/api/v1/public/units?q=%25")).total).toBe(0);

    const tooMany = await t.app.inject({ method: "GET", url: "/api/v1/public/units?limit=501" });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain("每页条数应为 1 到 500 的整数");
  });

  it("narrows the list to one unit and pages it with the cursor across the other units' notices", async () => {
    const { items } = await get<{ items: Unit[] }>("/api/v1/public/units");
    const kx = items.find((u) => u.unitName === KX)!.unitId;
    const seen: Summary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `unitId=${kx}&limit=2${cursor === null ? "" : `&cursor=${cursor}`}`;
      const page: Page = await get<Page>(`/api/v1/public/notices?${query}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen.map((n) => n.title)).toEqual([5, 4, 3, 2, 1].map((i) => `科协第${i}轮巡察整改情况通报`));
    expect(new Set(seen.map((n) => n.unitId))).toEqual(new Set([kx]));

    // Words narrow it further, and page the same way.
    const first = await get<Page>(
      `/api/v1/public/notices?unitId=${kx}&q=${encodeURIComponent("巡察 第2轮")}&limit=1`,
    );
    expect(first.items.map((n) => n.title)).toEqual(["科协第2轮巡察整改情况通报"]);
    expect(first.nextCursor).toBeNull();
    const across = await get<Page>(`/api/v1/public/notices?q=${encodeURIComponent("第3")}&limit=1`);
    expect(across.items.map((n) => n.title)).toEqual(["街道第3次整改进展"]);
    const rest = await get<Page>(
      `/api/v1/public/notices?q=${encodeURIComponent("第3")}&limit=1&cursor=${across.nextCursor}`,
    );
    expect(rest).toEqual({
      items: [expect.objectContaining({ title: "科协第3轮巡察整改情况通报" })],
      nextCursor: null,
    });

    // A unit with nothing public, or none at all, is an empty list, not an error.
    expect((await get<Page>("/api/v1/public/notices?unitId=org-none")).items).toEqual([]);
  });

  it("searches the title and the unit's published name, taking %, _ and \\ literally and any case", async () => {
    expect(await titles(`q=${encodeURIComponent("100%")}`)).toEqual(["关于100%完成整改的通报"]);
    expect(await titles(`q=${encodeURIComponent("%")}`)).toEqual(["关于100%完成整改的通报"]);
    expect(await titles(`q=${encodeURIComponent("a_b")}`)).toEqual(["关于a_b事项的通报"]);
    expect(await titles(`q=${encodeURIComponent("_")}`)).toEqual(["关于a_b事项的通报"]);
    expect(await titles(`q=${encodeURIComponent("C:\\docs")}`)).toEqual(["关于C:\\docs路径的通报"]);
    expect(await titles(`q=${encodeURIComponent("\\")}`)).toEqual(["关于C:\\docs路径的通报"]);
    expect(await titles(`q=${encodeURIComponent("cpc")}`)).toEqual(["关于CPC专项的通报"]);
    // The unit's name as printed on the notice: the 2020 one under the old name, the others under the new.
    expect(await titles(`q=${encodeURIComponent("文学艺术界")}`)).toEqual(["文联2020年巡察整改通报"]);
    const wl = await get<Page>(`/api/v1/public/notices?q=${encodeURIComponent(WL)}`);
    expect(wl.items.map((n) => n.id)).toEqual([published]);
    // A blank query is no filter; one too long is refused, in Chinese.
    expect((await get<Page>("/api/v1/public/notices?q=%20%20&limit=100")).items).toHaveLength(18);
    const long = await t.app.inject({ method: "GET", url: `/api/v1/public/notices?q=${"字".repeat(101)}` });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("查找的文字最多 100 个字");
  });

  it("never shows a withdrawn notice, in the list, a unit's list or a search", async () => {
    expect(await titles(`q=${encodeURIComponent("撤回")}`)).toEqual([]);
    const all = await get<Page>("/api/v1/public/notices?limit=100");
    expect(all.items.some((n) => n.title.includes("撤回") || n.unitName === QL)).toBe(false);
    const units = await get<{ items: Unit[] }>(`/api/v1/public/units?q=${encodeURIComponent("侨联")}`);
    expect(units.items).toEqual([]);
  });
});
