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
