// exceljs 4.4.0's streaming reader decodes every inflated chunk on its own (parse-sax.js → bufferToString),
// so a Chinese character split across two chunks turns into “�”. This subclass hands its parsers text from
// one streaming TextDecoder per part instead; exceljs passes strings through unchanged.

import { Readable } from "node:stream";
import ExcelJS from "exceljs";

/** Decodes a byte stream as UTF-8 across chunk boundaries. */
export async function* decodeUtf8(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const tail = decoder.decode();
  if (tail !== "") yield tail;
}

/** The private parts of exceljs's WorkbookReader that receive the zip entries. */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: AsyncIterable<Buffer | string>): AsyncGenerator<unknown>;
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

/**
 * WorkbookReader whose worksheets and shared strings (the parts that grow past one chunk) are decoded
 * correctly. workbook.xml, its relationships and styles.xml stay with exceljs: they are a few KB.
 */
export class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    // exceljs parses a sheet at once when its relationships came first, even if workbook.xml (which sets
    // `properties`) comes later in the zip — as in files its own streaming writer makes, depending on timing —
    // and then crashes reading the first date cell. Without workbook.xml yet, dates count from 1900 (date1904
    // is a pre-2011 Mac Excel setting).
    const self = this as unknown as { properties?: { model?: { date1904?: boolean } } };
    self.properties ??= { model: { date1904: false } };
    yield* base._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  }

  async *_parseSharedStrings(entry: AsyncIterable<Buffer | string>): AsyncGenerator<unknown> {
    yield* base._parseSharedStrings.call(this, Readable.from(decodeUtf8(entry), { objectMode: true }));
  }
}
