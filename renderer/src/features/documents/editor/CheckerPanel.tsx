import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Node as PMNode } from '@tiptap/pm/model';
import { checkDocument } from '../../../../../core/documents/check/checkDocument';
import type { DocumentFinding } from '../../../../../core/documents/findings';
import type { DocumentRecord } from '../../../../../core/documents/record';
import { setFindings, type FindingMark } from './editorPlugins';
import { buildTextMap, positionOf } from './textMap';

interface Checked {
  readonly doc: PMNode;
  readonly findings: readonly (DocumentFinding & FindingMark)[];
}

/** Runs `checkDocument` on the editor's text and underlines each finding at its place. */
function runCheck(editor: Editor, record: DocumentRecord): Checked {
  const doc = editor.state.doc;
  const map = buildTextMap(doc);
  const findings = checkDocument(map.text, record).map((f, index) => ({
    ...f,
    index,
    from: positionOf(map, f.start),
    to: positionOf(map, f.end),
  }));
  editor.view.dispatch(setFindings(editor.state.tr, findings));
  return { doc, findings };
}

/**
 * 文书纠错: the checker's findings for the open document, each underlined in the text; a click
 * selects the words and scrolls to them. Re-runs 1.5 s after the document stops changing.
 */
export function CheckerPanel({
  editor,
  record,
}: {
  readonly editor: Editor;
  readonly record: DocumentRecord;
}) {
  const { t, i18n } = useTranslation();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [version, setVersion] = useState(0);
  const run = useCallback(() => setChecked(runCheck(editor, record)), [editor, record]);
  useEffect(() => {
    const onUpdate = () => setVersion((v) => v + 1);
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [editor]);
  useEffect(() => {
    const timer = setTimeout(run, version === 0 ? 0 : 1500);
    return () => clearTimeout(timer);
  }, [run, version]);
  const jump = (f: FindingMark) => {
    const size = editor.state.doc.content.size;
    editor
      .chain()
      .focus()
      .setTextSelection({ from: Math.min(f.from, size), to: Math.min(f.to, size) })
      .scrollIntoView()
      .run();
  };
  const findings = checked?.findings ?? [];
  return (
    <div data-testid="checker-panel" data-count={checked ? findings.length : -1}>
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" type="primary" onClick={run} data-testid="run-checker">
          {t('documents.checker.run')}
        </Button>
        {checked && (
          <Typography.Text type={findings.length ? 'warning' : 'success'}>
            {findings.length
              ? t('documents.checker.count', { count: findings.length })
              : t('documents.checker.clean')}
          </Typography.Text>
        )}
      </Space>
      {checked && checked.doc !== editor.state.doc && version > 0 && (
        <Alert type="info" showIcon title={t('documents.checker.stale')} style={{ marginBottom: 8 }} />
      )}
      <List
        size="small"
        dataSource={[...findings]}
        renderItem={(f) => (
          <List.Item
            className="cd-finding-item"
            data-testid="finding"
            data-code={f.code}
            onClick={() => jump(f)}
          >
            <Space direction="vertical" size={0}>
              <Space>
                <Tag color="orange">{t(`documents.checker.codes.${f.code}`)}</Tag>
                <Typography.Text>{i18n.language === 'en' ? f.messageEn : f.message}</Typography.Text>
              </Space>
              {f.suggestion && (
                <Typography.Text type="secondary">
                  {t('documents.checker.suggest', { text: f.suggestion })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
