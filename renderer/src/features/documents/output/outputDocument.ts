/**
 * What the documents screens call to put a court document on paper or on disk: export .docx, save
 * as PDF, print — one function, the same in Electron and in the browser, telling the user the
 * outcome in their language (`documentOutput.*`). Places still to fill do not block it (drafts are
 * printed for review), but the user is told how many are left. `useDocumentOutput` wires it to
 * the app (antd messages, i18n, the desktop API).
 */
import type { JSONContent } from '@tiptap/core';
import type { TFunction } from 'i18next';
import { App as AntApp } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { safeFileName } from '../../../../../core/fileNames';
import type { DocNode } from '../../../../../core/documents/content/docModel';
import { unfilledPlaceholders } from '../../../../../core/documents/content/placeholders';
import type { DesktopApi } from '../../../../../electron/common/ipcContract';
import { useDesktopApi } from '../../../app/desktopApiContext';
import { downloadBlob } from '../../../platform/download';
import { toDocx } from '../export/toDocx';
import { printDocument } from '../print/printDocument';
import { CourtDocumentError } from '../schema/courtDocument';

/** The MIME type of a Word document. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How a document leaves the app. */
export type OutputKind = 'docx' | 'pdf' | 'print';

/** The document and what names it. */
export interface OutputRequest {
  readonly doc: JSONContent;
  /** 民事判决书 … */
  readonly title: string;
  readonly caseNumber?: string | null;
}

/** How an output ended. */
export type OutputResult = 'done' | 'cancelled' | 'failed';

/** What {@link outputDocument} uses from the app; injected so it runs in tests without a DOM. */
export interface OutputDeps {
  readonly api: DesktopApi;
  readonly t: TFunction;
  readonly notify: {
    success(text: string): void;
    info(text: string): void;
    warning(text: string): void;
    error(text: string): void;
  };
  download(bytes: Uint8Array, fileName: string, mime: string): void;
  /** The page a print view is mounted on (default: the current document). */
  readonly target?: Document;
}

/** Exports, saves or prints a document and tells the user how it went; never throws. */
export async function outputDocument(
  kind: OutputKind,
  request: OutputRequest,
  deps: OutputDeps,
): Promise<OutputResult> {
  const { t, notify } = deps;
  const name = `${request.title}${request.caseNumber ?? ''}`;
  try {
    const open = unfilledPlaceholders(request.doc as DocNode).length;
    if (open > 0) notify.warning(t('documentOutput.openFillIns', { count: open }));
    if (kind === 'docx') {
      const bytes = await toDocx(request.doc, { title: request.title, subject: request.caseNumber ?? '' });
      const fileName = safeFileName(name, 'docx');
      deps.download(bytes, fileName, DOCX_MIME);
      notify.success(t('documentOutput.docxSaved', { name: fileName }));
      return 'done';
    }
    const meta = { title: `${request.title} ${request.caseNumber ?? ''}`.trim(), suggestedName: name };
    if (kind === 'pdf') {
      const { path } = await printDocument(deps.api, request.doc, meta, 'pdf', deps.target);
      if (path !== null) notify.success(t('documentOutput.pdfSaved', { path }));
      // The browser's dialog saves the PDF itself and never says where.
      else notify.info(t(deps.api.isDesktop ? 'documentOutput.cancelled' : 'documentOutput.pdfInDialog'));
      return path !== null || !deps.api.isDesktop ? 'done' : 'cancelled';
    }
    const { printed } = await printDocument(deps.api, request.doc, meta, 'print', deps.target);
    if (printed === true) notify.success(t('documentOutput.printed'));
    if (printed === false) notify.info(t('documentOutput.cancelled'));
    return printed === false ? 'cancelled' : 'done';
  } catch (err) {
    notify.error(
      err instanceof CourtDocumentError
        ? t('documentOutput.invalidDocument')
        : t('documentOutput.failed', { reason: err instanceof Error ? err.message : String(err) }),
    );
    return 'failed';
  }
}

/** {@link outputDocument} bound to the app: its desktop API, language and message area. */
export function useDocumentOutput(): (kind: OutputKind, request: OutputRequest) => Promise<OutputResult> {
  const api = useDesktopApi();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return useMemo(() => {
    const deps: OutputDeps = {
      api,
      t,
      notify: {
        success: (text) => void message.success(text),
        info: (text) => void message.info(text),
        warning: (text) => void message.warning(text),
        error: (text) => void message.error(text),
      },
      download: (bytes, fileName, mime) =>
        downloadBlob(new Blob([bytes as BlobPart], { type: mime }), fileName),
    };
    return (kind, request) => outputDocument(kind, request, deps);
  }, [api, t, message]);
}
