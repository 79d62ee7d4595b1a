/**
 * The court-document editor's extension list: the schema (schema/courtDocument.ts) plus the
 * editing behaviour — Yjs collaboration over the draft's fragment, full-width punctuation,
 * automatic paragraph numbers and the checker's underlines. CourtEditor and the browser tests and
 * benchmarks (tests/bench/page/documentsMain.ts) build exactly this list.
 */
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { courtDocumentExtensions } from '../schema/courtDocument';
import { CheckerHighlights, NumberingLabels } from './editorPlugins';
import { FullWidthPunctuation } from './fullWidth';

/** The editable element's attributes: the A4-like page of documents.css (CourtEditor and the bench page). */
export const COURT_EDITOR_ATTRIBUTES: Readonly<Record<string, string>> = {
  class: 'cd-editor__page',
  'data-testid': 'draft-editor',
  spellcheck: 'false',
};

/** The class of the element around the page (EditorContent's). */
export const COURT_EDITOR_FRAME_CLASS = 'cd-editor';

/** The editor's extensions bound to `fragment` (a draft session's Yjs fragment). */
export function courtEditorExtensions(fragment: Y.XmlFragment): Extensions {
  return [
    ...courtDocumentExtensions,
    Collaboration.configure({ fragment }),
    FullWidthPunctuation,
    NumberingLabels,
    CheckerHighlights,
  ];
}
