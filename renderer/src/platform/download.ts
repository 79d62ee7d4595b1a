/**
 * Saving bytes the app made (an exported .docx, a file from the replica) as a download: a
 * temporary object URL on an `<a download>`. In the browser the file goes where the browser saves
 * downloads; in Electron the session's default download handling asks where to save it.
 */

/** How long the object URL lives after the click (the download has started well before). */
const REVOKE_AFTER_MS = 60_000;

/** Starts the download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, target: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = target.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
