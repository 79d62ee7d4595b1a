import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import type { DraftSession } from '../../../db/drafts/draftSession';
import { COURT_EDITOR_ATTRIBUTES, COURT_EDITOR_FRAME_CLASS, courtEditorExtensions } from './editorExtensions';

/** Props of {@link CourtEditor}. */
export interface CourtEditorProps {
  readonly session: DraftSession;
  readonly editable: boolean;
  /** Receives the editor once it exists (toolbar, panels, export). */
  readonly onReady: (editor: Editor | null) => void;
}

/**
 * The court-document editor: TipTap 3 with the court-document schema, bound to the draft's Yjs
 * document (every change is autosaved by the session; others' changes appear as they sync), with
 * full-width punctuation, automatic paragraph numbers and the checker's underlines.
 */
export function CourtEditor({ session, editable, onReady }: CourtEditorProps) {
  const editor = useEditor(
    {
      extensions: courtEditorExtensions(session.fragment),
      editable,
      editorProps: {
        attributes: { ...COURT_EDITOR_ATTRIBUTES },
      },
    },
    [session],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);
  return <EditorContent editor={editor} className={COURT_EDITOR_FRAME_CLASS} />;
}
