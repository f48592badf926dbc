import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type Handlers } from '../service/handlers.ts';
import { parseInput, reportPdfRequest } from '../service/schemas.ts';

/** What printing needs from Electron, injected so the handler runs in tests without it. */
export interface ReportPrinter {
  /** Renders the HTML off screen and prints it to A4 PDF bytes (webContents.printToPDF). */
  renderPdf(html: string): Promise<Uint8Array>;
  /** The chosen absolute path, or null when the user cancelled. */
  chooseFileToSave(suggestedName: string): Promise<string | null>;
}

/**
 * The report as PDF in the desktop app: the renderer builds the report HTML (core/report, the same as
 * `safedist assess --out`), the main process prints it in a hidden window and writes the PDF where the user
 * chose, through a temporary file renamed over the target.
 */
export function createReportHandlers(printer: ReportPrinter): Handlers<'exportReportPdf'> {
  return {
    exportReportPdf: async (input) => {
      const request = parseInput(reportPdfRequest, input);
      const file = await printer.chooseFileToSave(request.fileName);
      if (file === null) return { fileName: null };
      const pdf = await printer.renderPdf(request.html);
      const temporary = `${file}.${process.pid}.partial`;
      try {
        await writeFile(temporary, pdf, { flush: true });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw new ApiError(`could not save '${path.basename(file)}': ${(error as Error).message}`);
      }
      return { fileName: path.basename(file) };
    },
  };
}
