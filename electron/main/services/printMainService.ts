import fs from 'node:fs/promises';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';
import { safeFileName } from '../../../core/fileNames';

/** What printing needs from Electron, injected so the service is testable. */
export interface PrintDeps {
  showSaveDialog(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  windowFor(webContents: WebContents): BrowserWindow | null;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}

/** Makes a user-supplied name safe as a PDF file name on Windows and Linux (no paths, no reserved chars). */
export function safePdfFileName(suggested: string): string {
  return safeFileName(suggested, 'pdf');
}

/** Options of {@link PrintMainService.toPdf}. */
export interface ToPdfOptions {
  /**
   * Take the page size and margins from the page's CSS `@page` rule (court documents: A4 with
   * 37/35/28/26 mm margins and page numbers in the margin boxes) rather than plain A4.
   */
  readonly cssPageSize?: boolean;
}

/**
 * Print-to-PDF: asks where to save (native dialog), renders the sender's page with Chromium's
 * printToPDF (A4, backgrounds) and writes the file. Cancelling returns `{ path: null }`. Print:
 * the system print dialog for the sender's page; cancelling returns `{ printed: false }`.
 */
export class PrintMainService {
  constructor(
    private readonly deps: PrintDeps = {
      showSaveDialog: () => Promise.reject(new Error('PrintMainService needs Electron dialog')),
      windowFor: () => null,
      writeFile: (file, data) => fs.writeFile(file, data),
    },
  ) {}

  /** Saves the page shown in `webContents` as a PDF chosen by the user. */
  async toPdf(
    webContents: WebContents,
    suggestedName: string,
    options: ToPdfOptions = {},
  ): Promise<{ path: string | null }> {
    const window = this.deps.windowFor(webContents);
    const choice = await this.deps.showSaveDialog(window, {
      defaultPath: safePdfFileName(suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { path: null };
    const pdf = await webContents.printToPDF(
      options.cssPageSize
        ? { printBackground: true, pageSize: 'A4', preferCSSPageSize: true }
        : { printBackground: true, pageSize: 'A4' },
    );
    await this.deps.writeFile(choice.filePath, pdf);
    return { path: choice.filePath };
  }

  /**
   * Prints the page shown in `webContents` through the system print dialog (Chromium takes the
   * page's `@page` size and margins). A cancelled dialog is `{ printed: false }`; a failed job throws.
   */
  print(webContents: WebContents): Promise<{ printed: boolean }> {
    return new Promise((resolve, reject) => {
      webContents.print({ printBackground: true }, (success, failureReason) => {
        if (success) resolve({ printed: true });
        else if (/cancel/i.test(failureReason)) resolve({ printed: false });
        else reject(new Error(`printing failed: ${failureReason}`));
      });
    });
  }
}
