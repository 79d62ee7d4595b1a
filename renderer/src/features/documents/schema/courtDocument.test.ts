import { Editor, type JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html';
import { describe, expect, it } from 'vitest';
import { MARK, type DocNode } from '../../../../../core/documents/content/docModel';
import { documentText } from '../../../../../core/documents/content/docText';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { DOCUMENT_TEMPLATES } from '../../../../../core/documents/templates/templates';
import { ALL_DOCUMENT_CASES, LOAN_CASE } from '../../../../../tests/support/documentFixtures';
import { CourtDocumentError, courtDocumentExtensions, parseCourtDocument } from './courtDocument';

/** JSON with default (null) attributes dropped, as core writes it. */
function compact(node: JSONContent): JSONContent {
  const attrs = Object.fromEntries(Object.entries(node.attrs ?? {}).filter(([, v]) => v !== null));
  const out: JSONContent = { type: node.type };
  if (Object.keys(attrs).length > 0) out.attrs = attrs;
  if (node.marks) out.marks = node.marks.map((m) => compact(m as JSONContent) as never);
  if (node.text !== undefined) out.text = node.text;
  if (node.content) out.content = node.content.map(compact);
  return out;
}

const records = ALL_DOCUMENT_CASES;
const merged = DOCUMENT_TEMPLATES.flatMap((t) =>
  records.map((r) => ({
    name: `${t.id} × ${r.caseNumber ?? r.cause}`,
    doc: mergeTemplate(t, r, { documentDate: '2026-05-06', recipient: r.parties[0]?.name ?? null })
      .doc as JSONContent,
  })),
);

describe('court-document schema', () => {
  it('accepts every merged template and gives back the same JSON (ProseMirror Node.fromJSON / toJSON)', () => {
    expect(merged).toHaveLength(66);
    for (const { name, doc } of merged) expect(compact(parseCourtDocument(doc).toJSON()), name).toEqual(doc);
  });

  it('round-trips through HTML with sections, roles, numbering, indent, alignment and every mark', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { role: 'title', textAlign: 'center' },
          content: [{ type: 'text', text: '民事判决书' }],
        },
        {
          type: 'paragraph',
          attrs: { section: 'operative', numbering: 'chineseParen', indent: 0 },
          content: [
            { type: 'text', text: '被告', marks: [{ type: 'bold' }, { type: 'underline' }] },
            {
              type: 'text',
              text: '王强',
              marks: [{ type: MARK.mergeField, attrs: { field: 'names.defendant' } }],
            },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: '【理由】',
              marks: [{ type: MARK.fillIn, attrs: { field: 'fill:reasoning', label: '理由' } }],
            },
            {
              type: 'text',
              text: '十五日三十日',
              marks: [
                { type: MARK.conflictSpot, attrs: { id: 'c1' } },
                { type: MARK.conflictSpot, attrs: { id: 'c2' } },
              ],
            },
          ],
        },
        {
          type: 'heading',
          attrs: { level: 2, section: 'reasoning' },
          content: [{ type: 'text', text: '争议焦点' }],
        },
      ],
    };
    const html = generateHTML(doc, courtDocumentExtensions);
    expect(html).toContain('data-section="operative"');
    expect(html).toContain('data-fill-in="fill:reasoning"');
    expect(compact(generateJSON(html, courtDocumentExtensions))).toEqual(doc);
  });

  it('keeps a merged document’s text, numbers and places to fill through HTML', () => {
    // One judgment and one form (a table) of one case: every node and mark a template writes.
    const sample = merged.filter((m) =>
      [`civilJudgmentOrdinary × ${LOAN_CASE.caseNumber}`, `summons × ${LOAN_CASE.caseNumber}`].includes(
        m.name,
      ),
    );
    expect(sample).toHaveLength(2);
    for (const { name, doc } of sample) {
      const back = generateJSON(generateHTML(doc, courtDocumentExtensions), courtDocumentExtensions);
      expect(documentText(back as DocNode), name).toBe(documentText(doc as DocNode));
      expect(compact(back), name).toEqual(doc);
    }
  });

  it('refuses what is not a court document with a clear error', () => {
    const bad: [string, JSONContent][] = [
      ['unknown node', { type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] }],
      [
        'unknown mark',
        {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'italic' }] }] },
          ],
        },
      ],
      ['bad section', { type: 'doc', content: [{ type: 'paragraph', attrs: { section: 'preamble' } }] }],
      ['bad indent', { type: 'doc', content: [{ type: 'paragraph', attrs: { indent: 12 } }] }],
      [
        'table in a paragraph',
        { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'table', content: [] }] }] },
      ],
      ['empty document', { type: 'doc', content: [] }],
      ['not a doc', { type: 'paragraph' }],
    ];
    for (const [name, doc] of bad) expect(() => parseCourtDocument(doc), name).toThrow(CourtDocumentError);
  });
});

describe('editing behaviour the schema defines', () => {
  function editor(content: JSONContent): Editor {
    return new Editor({ element: null, extensions: courtDocumentExtensions, content });
  }

  it('Enter at the end of the title gives a body paragraph of the same section', () => {
    const e = editor({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { role: 'title', section: 'header', numbering: 'chinese' },
          content: [{ type: 'text', text: '民事判决书' }],
        },
      ],
    });
    e.chain().setTextSelection(6).splitBlock().run();
    expect(compact(e.getJSON()).content?.[1]).toEqual({
      type: 'paragraph',
      attrs: { section: 'header', numbering: 'chinese' },
    });
    e.destroy();
  });

  it('text typed right after a merged name or a place to fill carries neither mark, and clearing formatting keeps them', () => {
    const e = editor({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: '王强',
              marks: [{ type: MARK.mergeField, attrs: { field: 'names.defendant' } }, { type: 'bold' }],
            },
            {
              type: 'text',
              text: '【理由】',
              marks: [{ type: MARK.fillIn, attrs: { field: 'fill:reasoning', label: '理由' } }],
            },
          ],
        },
      ],
    });
    // What typing does: ProseMirror's insertText takes the marks at the cursor ($from.marks()).
    e.commands.command(({ tr }) => {
      tr.insertText('辩', 3);
      return true;
    });
    e.chain().setTextSelection({ from: 1, to: 8 }).unsetAllMarks().run();
    expect(compact(e.getJSON()).content?.[0]?.content).toEqual([
      { type: 'text', text: '王强', marks: [{ type: MARK.mergeField, attrs: { field: 'names.defendant' } }] },
      { type: 'text', text: '辩' },
      {
        type: 'text',
        text: '【理由】',
        marks: [{ type: MARK.fillIn, attrs: { field: 'fill:reasoning', label: '理由' } }],
      },
    ]);
    e.destroy();
  });
});
