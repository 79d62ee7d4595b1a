import { Editor, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { SALE_CASE_NOT_HEARD } from '../../../../../tests/support/documentFixtures';
import { MARK } from '../../../../../core/documents/content/docModel';
import { unfilledPlaceholders } from '../../../../../core/documents/content/placeholders';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { templateById } from '../../../../../core/documents/templates/templates';
import { courtDocumentExtensions } from '../schema/courtDocument';
import { editorPlaceholders } from './PlaceholderList';

function mergedEditor(): { editor: Editor; expected: number } {
  const template = templateById('civilJudgmentOrdinary');
  if (!template) throw new Error('no template');
  const { doc } = mergeTemplate(template, SALE_CASE_NOT_HEARD, { documentDate: '2026-05-06' });
  const editor = new Editor({
    element: null,
    extensions: courtDocumentExtensions,
    content: doc as JSONContent,
  });
  return { editor, expected: unfilledPlaceholders(doc).length };
}

describe('places to fill in the editor', () => {
  it('finds every place of a merged style at its editor position (numbered paragraphs included)', () => {
    const { editor, expected } = mergedEditor();
    const places = editorPlaceholders(editor);
    expect(places.length).toBe(expected);
    expect(places.length).toBeGreaterThan(3);
    for (const p of places) expect(editor.state.doc.textBetween(p.from, p.to)).toBe(p.text);
    editor.destroy();
  });

  it('typing over a selected place leaves plain text and one place fewer', () => {
    const { editor } = mergedEditor();
    const [first, ...rest] = editorPlaceholders(editor);
    if (!first) throw new Error('no place');
    editor.commands.setTextSelection({ from: first.from, to: first.to });
    // What ProseMirror does with typed text over a selection.
    editor.view.dispatch(editor.state.tr.insertText('汉族'));
    const doc = editor.state.doc;
    expect(doc.textBetween(first.from, first.from + 2)).toBe('汉族');
    const fillIn = editor.schema.marks[MARK.fillIn];
    if (!fillIn) throw new Error('no fillIn mark');
    expect(doc.rangeHasMark(first.from, first.from + 2, fillIn)).toBe(false);
    expect(editorPlaceholders(editor).map((p) => p.text)).toEqual(rest.map((p) => p.text));
    editor.destroy();
  });
});
