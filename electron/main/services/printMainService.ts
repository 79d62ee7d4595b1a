import fs from 'node:fs/promises';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';

/** What printing needs from Electron, injected so the service is testable. */
export interface PrintDeps {
  showSaveDialog(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  windowFor(webContents: WebContents): BrowserWindow | null;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}

/** Makes a user-supplied name safe as a file name on Windows and Linux (no paths, no reserved chars). */
export function safePdfFileName(suggested: string): string {
  const base = suggested
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 180);
  const name = base === '' ? 'document' : base;
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/**
 * Print-to-PDF: asks where to save (native dialog), renders the sender's page with Chromium's
 * printToPDF (A4, backgrounds) and writes the file. Cancelling returns `{ path: null }`.
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
  async toPdf(webContents: WebContents, suggestedName: string): Promise<{ path: string | null }> {
    const window = this.deps.windowFor(webContents);
    const choice = await this.deps.showSaveDialog(window, {
      defaultPath: safePdfFileName(suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { path: null };
    const pdf = await webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    await this.deps.writeFile(choice.filePath, pdf);
    return { path: choice.filePath };
  }
}
