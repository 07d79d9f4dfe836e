// The one migration history, in order (same files for SQLite and PostgreSQL). Add new migrations at the end.

import type { Migration } from "kysely";
import * as ledgerCore from "./0001-ledger-core.ts";
import * as publications from "./0002-publications.ts";
import * as measureTallyIndex from "./0003-measure-tally-index.ts";
import * as uniqueOrgNames from "./0004-unique-org-names.ts";
import * as auditKeyedChain from "./0005-audit-keyed-chain.ts";
import * as longTermStageTally from "./0006-long-term-stage-tally.ts";
import * as accounts from "./0007-accounts.ts";
import * as reviewCycle from "./0008-review-cycle.ts";
import * as closeoutHolds from "./0010-closeout-holds.ts";
import * as pendingImports from "./0009-pending-imports.ts";
import * as measureComments from "./0011-measure-comments.ts";
import * as noticeNarratives from "./0013-notice-narratives.ts";
import * as calendarOverrides from "./0014-calendar-overrides.ts";
import * as importSources from "./0015-import-sources.ts";
import * as deadlineProfiles from "./0016-deadline-profiles.ts";
import * as importCorrections from "./0018-import-corrections.ts";
import * as publicNotices from "./0019-public-notices.ts";
import * as defaultDeadlines from "./0022-default-deadlines.ts";
import * as notifications from "./0020-notifications.ts";
import * as supervisionActions from "./0021-supervision-actions.ts";
import * as publicNoticeApprovals from "./0023-public-notice-approvals.ts";
import * as publicNoticesByUnit from "./0024-public-notices-by-unit.ts";
import * as undoneImportCorrections from "./0025-undone-import-corrections.ts";

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-ledger-core": ledgerCore,
  "0002-publications": publications,
  "0003-measure-tally-index": measureTallyIndex,
  "0004-unique-org-names": uniqueOrgNames,
  "0005-audit-keyed-chain": auditKeyedChain,
  "0006-long-term-stage-tally": longTermStageTally,
  "0007-accounts": accounts,
  "0008-review-cycle": reviewCycle,
  "0009-pending-imports": pendingImports,
  "0010-closeout-holds": closeoutHolds,
  "0011-measure-comments": measureComments,
  "0013-notice-narratives": noticeNarratives,
  "0014-calendar-overrides": calendarOverrides,
  "0015-import-sources": importSources,
  "0016-deadline-profiles": deadlineProfiles,
  "0018-import-corrections": importCorrections,
  "0019-public-notices": publicNotices,
  "0020-notifications": notifications,
  "0021-supervision-actions": supervisionActions,
  "0022-default-deadlines": defaultDeadlines,
  "0023-public-notice-approvals": publicNoticeApprovals,
  "0024-public-notices-by-unit": publicNoticesByUnit,
  "0025-undone-import-corrections": undoneImportCorrections,
};
