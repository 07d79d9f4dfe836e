// The frame an issuing office puts around a document it sends (督办通知, 月度通报): 版头 from its settings, signature and
// date, the 附注 contact and the 版记. Pure; the office's settings are resolved by the caller.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { NoticeLayoutOptions } from "../../shared/notice-layout-options.ts";
import { contactNote } from "../notice/build-notice-document.ts";
import type { OfficialDocument } from "./official-document.ts";

export function issuerFrame(
  official: NoticeLayoutOptions,
  issuer: string,
  issuedOn: CalendarDate,
): Pick<OfficialDocument, "signature" | "note" | "redHeader" | "colophon"> {
  const notes = official.contactPerson || official.contactPhone ? [contactNote(official)] : [];
  return {
    signature: { org: issuer, date: issuedOn },
    ...(notes.length > 0 ? { note: notes } : {}),
    redHeader: {
      issuer: official.issuerMark ?? issuer,
      ...(official.docNumber ? { docNumber: official.docNumber } : {}),
      ...(official.signers?.length ? { signers: official.signers } : {}),
    },
    colophon: {
      ...(official.copyTo?.length ? { copyTo: official.copyTo } : {}),
      printedBy: official.printedBy ?? issuer,
      printedOn: official.printedOn ?? issuedOn,
      ...(official.colophonOnEvenPage === false ? { onEvenPage: false } : {}),
    },
  };
}
