// `zhenggai inspections [--json]`: the stored inspections with their ids, so that a clerk can name one to a command.
// Read page by page (the counts of at most 200 inspections at a time), as the HTTP list does.

import { listInspections, type InspectionSummary } from "../../app/list-inspections.ts";
import { INSPECTION_PAGE_MAX } from "../../shared/page-limits.ts";
import { REGIME_LABELS } from "../../domain/inspection.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { readConfig, type ConfigOverrides } from "../../config.ts";
import { withDeps } from "../../main.ts";
import { EXIT, type CliIo } from "../cli-io.ts";

export async function listInspectionsCommand(
  args: { json: boolean },
  overrides: ConfigOverrides,
  io: CliIo,
): Promise<number> {
  const config = readConfig(overrides, io.env);
  const [listed, orgs] = await withDeps(config, async (deps) => {
    const all: InspectionSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInspections(deps, SCOPE_ALL, {
        limit: INSPECTION_PAGE_MAX,
        ...(cursor === undefined ? {} : { cursor }),
      });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return [all, await deps.store.orgs.list(SCOPE_ALL)] as const;
  });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const rows = listed.map(({ inspection: i, counts }) => ({
    id: i.id,
    unit: orgName.get(i.targetOrgId) ?? i.targetOrgId,
    regime: i.regime,
    round: i.roundLabel,
    team: i.team,
    feedbackDate: i.feedbackDate,
    reportDue: i.reportDue,
    isExample: i.isExample,
    counts,
  }));
  if (args.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.out("尚无台账。可用 zhenggai import notice 文件 导入整改情况通报\n");
    return EXIT.ok;
  }
  io.out("编号\t被巡察单位\t类别\t轮次\t反馈日期\t报告截止\t问题数\t已完成\t措施数\t已销号\t完成率\n");
  for (const r of rows) {
    const c = r.counts;
    io.out(
      `${r.id}\t${r.unit}${r.isExample ? "（示例）" : ""}\t${REGIME_LABELS[r.regime]}\t${r.round ?? "—"}\t${r.feedbackDate ?? "—"}\t${r.reportDue ?? "—"}\t${c.problems}\t${c.completed}\t${c.measures}\t${c.closedMeasures}\t${c.completionRate}%\n`,
    );
  }
  return EXIT.ok;
}
