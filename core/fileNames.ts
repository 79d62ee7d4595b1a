/**
 * File names made from text a user or a case supplied (a document title, a case number): safe on
 * Windows and Linux, with no path, no reserved characters and no leading or trailing dots. The one
 * implementation for main's save dialog and the renderer's downloads.
 */

/** `suggested` as a safe file name ending in `.${extension}` (added when missing). */
export function safeFileName(suggested: string, extension: string): string {
  const base = suggested
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 180);
  const name = base === '' ? 'document' : base;
  return name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name : `${name}.${extension}`;
}
