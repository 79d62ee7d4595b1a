import {
  BoldOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Button, Divider, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { NUMBERING_STYLES } from '../../../../../core/documents/content/docModel';
import { FULL_WIDTH, wantsFullWidth } from './fullWidth';

/** Converts half-width punctuation after Chinese text to full width, in the selection or everywhere. */
function convertPunctuation(editor: Editor): void {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const [start, end] = empty ? [0, state.doc.content.size] : [from, to];
  const edits: { pos: number; ch: string }[] = [];
  state.doc.nodesBetween(start, end, (node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textContent;
    for (let i = 0; i < text.length; i++) {
      const full = FULL_WIDTH[text[i] as string];
      const at = pos + 1 + i;
      if (full && at >= start && at < end && wantsFullWidth(text.slice(0, i)))
        edits.push({ pos: at, ch: full });
    }
    return false;
  });
  if (edits.length === 0) return;
  const tr = state.tr;
  for (const e of edits.reverse()) tr.insertText(e.ch, e.pos, e.pos + 1);
  editor.view.dispatch(tr);
}

/** Formatting of the court document: headings, bold/underline, numbered paragraphs, tables, punctuation. */
export function EditorToolbar({ editor }: { readonly editor: Editor }) {
  const { t } = useTranslation();
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: e.isActive('heading', { level: 1 }) ? 'h1' : e.isActive('heading', { level: 2 }) ? 'h2' : 'p',
      numbering: (e.getAttributes('paragraph')['numbering'] as string | null) ?? 'none',
      bold: e.isActive('bold'),
      underline: e.isActive('underline'),
    }),
  });
  const tt = (k: string) => t(`documents.editor.toolbar.${k}`);
  const chain = () => editor.chain().focus();
  return (
    <Space wrap className="cd-editor__toolbar" data-testid="editor-toolbar">
      <Select
        size="small"
        style={{ width: 110 }}
        value={s.block}
        onChange={(v) =>
          v === 'p'
            ? chain().setParagraph().run()
            : chain()
                .toggleHeading({ level: v === 'h1' ? 1 : 2 })
                .run()
        }
        options={[
          { value: 'p', label: tt('paragraph') },
          { value: 'h1', label: tt('heading1') },
          { value: 'h2', label: tt('heading2') },
        ]}
      />
      <Select
        size="small"
        style={{ width: 120 }}
        value={s.numbering}
        data-testid="numbering-select"
        aria-label={tt('numbering')}
        onChange={(v) =>
          chain()
            .updateAttributes('paragraph', { numbering: v === 'none' ? null : v })
            .run()
        }
        options={[
          { value: 'none', label: tt('numberingNone') },
          ...NUMBERING_STYLES.map((n) => ({ value: n, label: tt(n) })),
        ]}
      />
      <Divider orientation="vertical" />
      <Tooltip title={tt('bold')}>
        <Button
          size="small"
          type={s.bold ? 'primary' : 'default'}
          icon={<BoldOutlined />}
          onClick={() => chain().toggleBold().run()}
        />
      </Tooltip>
      <Tooltip title={tt('underline')}>
        <Button
          size="small"
          type={s.underline ? 'primary' : 'default'}
          icon={<UnderlineOutlined />}
          onClick={() => chain().toggleUnderline().run()}
        />
      </Tooltip>
      <Tooltip title={tt('table')}>
        <Button
          size="small"
          icon={<TableOutlined />}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: false }).run()}
        />
      </Tooltip>
      <Button size="small" onClick={() => convertPunctuation(editor)} data-testid="full-width">
        {tt('fullWidth')}
      </Button>
      <Divider orientation="vertical" />
      <Tooltip title={tt('undo')}>
        <Button size="small" icon={<UndoOutlined />} onClick={() => chain().undo().run()} />
      </Tooltip>
      <Tooltip title={tt('redo')}>
        <Button size="small" icon={<RedoOutlined />} onClick={() => chain().redo().run()} />
      </Tooltip>
    </Space>
  );
}
