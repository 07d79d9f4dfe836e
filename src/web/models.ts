// The answers the pages read, as the typed client returns them (types only: the contract is in src/shared).
import type { AnswerOfRoute } from "../shared/api-client.ts";
import type { ApiRoutes } from "../shared/api-routes.ts";

export type Session = AnswerOfRoute<ApiRoutes["getSession"]>;
export type InspectionPage = AnswerOfRoute<ApiRoutes["listInspections"]>;
export type InspectionRow = InspectionPage["items"][number];
export type Overview = AnswerOfRoute<ApiRoutes["summarizeInspections"]>;
export type Counts = Overview["total"];
export type Ledger = AnswerOfRoute<ApiRoutes["getLedger"]>;
export type LedgerProblem = Ledger["problems"][number];
export type LedgerMeasure = LedgerProblem["measures"][number];
export type MeasureDetail = AnswerOfRoute<ApiRoutes["getMeasure"]>;
export type MeasureAction = MeasureDetail["allowedActions"][number];
export type AuditEvent = AnswerOfRoute<ApiRoutes["measureHistory"]>["items"][number];
export type Org = AnswerOfRoute<ApiRoutes["listOrgs"]>["items"][number];
export type StagedImport = AnswerOfRoute<ApiRoutes["stageImport"]>;
export type ImportPreview = StagedImport["preview"];
export type ConfirmedImport = AnswerOfRoute<ApiRoutes["confirmImport"]>;
export type Account = AnswerOfRoute<ApiRoutes["listUsers"]>["items"][number];
export type Grant = Account["grants"][number];
export type ReviewChainView = AnswerOfRoute<ApiRoutes["getReviewChain"]>;
export type MeasureListItem = AnswerOfRoute<ApiRoutes["listMeasures"]>["items"][number];
export type DeadlineWarningView = MeasureListItem["warning"];
export type ClosureTrend = AnswerOfRoute<ApiRoutes["closureTrend"]>;
export type CalendarOverrides = AnswerOfRoute<ApiRoutes["listCalendarOverrides"]>;
export type DeadlineProfile = AnswerOfRoute<ApiRoutes["getDeadlineProfile"]>;
export type InspectionWarnings = AnswerOfRoute<ApiRoutes["getInspectionWarnings"]>;
