import { List, Tag, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bracketed,
  unfilledPlaceholders,
  type Placeholder,
} from '../../../../../core/documents/content/placeholders';
import { buildTextMap, pmAsDocNode, positionOf } from './textMap';

/** A place to fill and where it is in the editor. */
export interface EditorPlaceholder extends Placeholder {
  readonly from: number;
  readonly to: number;
}

/** The places still to fill in the editor's document (core's `unfilledPlaceholders`), with positions. */
export function editorPlaceholders(editor: Editor): EditorPlaceholder[] {
  const doc = editor.state.doc;
  const found = unfilledPlaceholders(pmAsDocNode(doc));
  if (found.length === 0) return [];
  const map = buildTextMap(doc);
  return found.map((p) => ({ ...p, from: positionOf(map, p.start), to: positionOf(map, p.end) }));
}

/** The places to fill, live: recomputed 300 ms after the document stops changing. */
export function usePlaceholders(editor: Editor): readonly EditorPlaceholder[] {
  const [places, setPlaces] = useState<readonly EditorPlaceholder[]>(() => editorPlaceholders(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setPlaces(editorPlaceholders(editor));
      }, 300);
    };
    refresh();
    editor.on('update', refresh);
    return () => {
      editor.off('update', refresh);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return places;
}

/** Selects a place in the editor and scrolls to it, so typing replaces it with plain text. */
export function jumpTo(editor: Editor, place: EditorPlaceholder): void {
  const size = editor.state.doc.content.size;
  editor
    .chain()
    .focus()
    .setTextSelection({ from: Math.min(place.from, size), to: Math.min(place.to, size) })
    .scrollIntoView()
    .run();
}

/** The places still to fill, like the conflict spots: each names what is missing; a click selects it. */
export function PlaceholderList({
  editor,
  places,
}: {
  readonly editor: Editor;
  readonly places: readonly EditorPlaceholder[];
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('documents.versions.placeholdersTitle')}</Typography.Text>}
      dataSource={[...places]}
      data-testid="placeholders"
      data-count={places.length}
      renderItem={(p) => (
        <List.Item
          className="cd-finding-item"
          data-testid="placeholder"
          data-field={p.field ?? ''}
          onClick={() => jumpTo(editor, p)}
        >
          <Tag color="gold">{p.label}</Tag>
          {p.text !== bracketed(p.label) && <Typography.Text type="secondary">{p.text}</Typography.Text>}
        </List.Item>
      )}
    />
  );
}
