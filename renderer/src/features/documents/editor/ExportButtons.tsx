import { FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentOutput, type OutputKind } from '../output/outputDocument';

/**
 * Export the open document as .docx, as PDF (print to PDF) or print it, laid out as court
 * documents are (output/outputDocument.ts tells the user how it went).
 */
export function ExportButtons({
  editor,
  title,
  subject,
}: {
  readonly editor: Editor;
  readonly title: string;
  /** The case number, in the file name and the document's properties. */
  readonly subject: string;
}) {
  const { t } = useTranslation();
  const output = useDocumentOutput();
  const [busy, setBusy] = useState<OutputKind | null>(null);
  async function run(kind: OutputKind) {
    setBusy(kind);
    try {
      await output(kind, { doc: editor.getJSON(), title, caseNumber: subject || null });
    } finally {
      setBusy(null);
    }
  }
  const button = (kind: OutputKind, icon: ReactNode, testId: string) => (
    <Button icon={icon} loading={busy === kind} onClick={() => void run(kind)} data-testid={testId}>
      {t(`documents.export.${kind}`)}
    </Button>
  );
  return (
    <Space wrap data-testid="export-buttons">
      {button('docx', <FileWordOutlined />, 'export-docx')}
      {button('pdf', <FilePdfOutlined />, 'export-pdf')}
      {button('print', <PrinterOutlined />, 'print')}
    </Space>
  );
}
