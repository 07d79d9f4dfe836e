// Serializes an OfficialDocument to .docx in the GB/T 9704 layout (gbt9704.md); docx v9 does the XML.
// Pure assembly in `buildDocx`; `writeDocx` only packs. No clock reads besides docx's own core-properties stamp.

import { Document, Packer, SectionType, type ISectionOptions } from "docx";
import { colophonFooter } from "./docx-colophon.ts";
import {
  addresseeParagraph,
  attachmentParagraphs,
  blockParagraph,
  noteParagraph,
  titleParagraphs,
  type Placed,
} from "./docx-blocks.ts";
import { pageNumberFooters } from "./docx-footer.ts";
import { redHeaderParagraphs } from "./docx-red-header.ts";
import { signatureParagraphs } from "./docx-signature.ts";
import {
  PAGE,
  documentStyles,
  emptyLine,
  makeDocxContext,
  sectionProperties,
  xmlSafe,
  type DocxContext,
} from "./docx-styles.ts";
import { signatureGap } from "./estimate-lines.ts";
import { resolveLayoutSettings, type LayoutSettings, type LayoutSettingsInput } from "./layout-settings.ts";
import {
  noteLines,
  showsColophon,
  showsRedHeader,
  titleLines,
  type Colophon,
  type OfficialDocument,
} from "./official-document.ts";

/** The body of the numbered section, in order, with a running line estimate used for the signature. */
export function layoutBody(ctx: DocxContext, doc: OfficialDocument): Placed[] {
  const placed: Placed[] = [];
  const used = () => placed.reduce((sum, p) => sum + p.lines, 0);
  const redHeader = showsRedHeader(doc);
  if (redHeader) placed.push(...redHeaderParagraphs(ctx, redHeader));
  placed.push(...titleParagraphs(ctx, doc.title));
  if (doc.addressee !== undefined && doc.addressee.trim() !== "")
    placed.push(addresseeParagraph(ctx, doc.addressee));

  const signature = doc.signature;
  const attachments = doc.attachments ?? [];
  doc.blocks.forEach((block, i) => {
    // The seal must sit within one line of the text (cl. 7.3.5.1): glue the last text line to the signature.
    const last = i === doc.blocks.length - 1;
    placed.push(blockParagraph(ctx, block, last && signature !== undefined && attachments.length === 0));
  });
  if (attachments.length > 0) placed.push(...attachmentParagraphs(ctx, attachments, signature !== undefined));

  if (signature) {
    const sealed = signature.sealed !== false;
    const wanted = sealed ? ctx.settings.blankLinesBeforeSignature : 1;
    placed.push(...signatureParagraphs(ctx, signature, signatureGap(used(), wanted)));
  }
  for (const note of noteLines(doc)) placed.push(noteParagraph(ctx, note));
  return placed;
}

/**
 * The 版记 page: a section of its own that starts on the next even page (the renderer inserts a blank page
 * when needed) or the next page, whose footers are the 版记 and carry no page number (cl. 7.4, 7.5).
 */
function colophonSection(ctx: DocxContext, colophon: Colophon): ISectionOptions {
  const base = sectionProperties(ctx);
  const footer = colophonFooter(ctx, colophon);
  return {
    properties: {
      ...base,
      type: colophon.onEvenPage === false ? SectionType.NEXT_PAGE : SectionType.EVEN_PAGE,
      // The footer's bottom edge on the 版心's bottom edge: the 版记's last rule closes the 版心.
      page: { ...base.page, margin: { ...base.page?.margin, footer: PAGE.bottom } },
    },
    footers: { default: footer, even: footer },
    children: [emptyLine(ctx)],
  };
}

/** The docx Document for `doc`; `settings` must already be resolved. */
export function buildDocx(doc: OfficialDocument, settings: LayoutSettings): Document {
  const ctx = makeDocxContext(settings);
  const colophon = showsColophon(doc);
  return new Document({
    creator: "zhenggai",
    title: xmlSafe(titleLines(doc.title).join("")),
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(ctx),
    sections: [
      {
        properties: sectionProperties(ctx),
        footers: pageNumberFooters(ctx),
        children: layoutBody(ctx, doc).map((p) => p.node),
      },
      ...(colophon ? [colophonSection(ctx, colophon)] : []),
    ],
  });
}

/** `.docx` bytes of an official document; `settings` are validated and completed with defaults. */
export async function writeDocx(doc: OfficialDocument, settings?: LayoutSettingsInput): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc, resolveLayoutSettings(settings)));
}
