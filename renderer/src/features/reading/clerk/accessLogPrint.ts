/**
 * The printable access log of a case file (阅卷记录): every visit of the case with who read, in
 * what capacity, admitted by whom, and every page viewed or printed. Escaped HTML mounted as a
 * print view (the same mechanism as documents/print/printDocument.ts).
 */
import type { VisitRow } from '../model/visitModel';
import { mountHtmlView, PRINT_VIEW_CLASS } from '../../documents/print/printDocument';

/** The labels the printed log uses (translated by the caller). */
export interface AccessLogLabels {
  readonly title: string;
  readonly visit: (row: VisitRow) => string;
  readonly columns: readonly [string, string, string, string];
  readonly action: (action: 'view' | 'print') => string;
  readonly noPages: string;
  readonly time: (iso: string) => string;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The body of the printed log for `rows` (the visits of one case). */
export function accessLogHtml(rows: readonly VisitRow[], labels: AccessLogLabels): string {
  const parts = [`<h2>${esc(labels.title)}</h2>`];
  for (const row of rows) {
    parts.push(`<h3>${esc(labels.visit(row))}</h3>`);
    if (row.entries.length === 0) {
      parts.push(`<p>${esc(labels.noPages)}</p>`);
      continue;
    }
    const head = labels.columns.map((c) => `<th>${esc(c)}</th>`).join('');
    const body = row.entries
      .map(
        (e) =>
          `<tr><td>${esc(labels.time(e.at))}</td><td>${esc(e.volumeTitle || e.volumeId)}</td>` +
          `<td>${e.page}</td><td>${esc(labels.action(e.action))}</td></tr>`,
      )
      .join('');
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
  }
  return parts.join('\n');
}

const STYLE = [
  `.${PRINT_VIEW_CLASS} { font-family: "SimSun", "Songti SC", serif; padding: 8mm; }`,
  `.${PRINT_VIEW_CLASS} table { border-collapse: collapse; width: 100%; margin-bottom: 6mm; }`,
  `.${PRINT_VIEW_CLASS} th, .${PRINT_VIEW_CLASS} td { border: 1px solid #000; padding: 2px 6px; text-align: left; }`,
].join('\n');

/** Mounts the log as the print view (the app's one print-view mount); returns its removal. */
export function mountAccessLog(html: string, title: string, target: Document = document): () => void {
  // `html` is escaped by accessLogHtml.
  return mountHtmlView(`<div data-testid="access-log-print">${html}</div>`, STYLE, title, target);
}
