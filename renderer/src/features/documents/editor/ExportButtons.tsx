import { FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import type { JSONContent } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesktopApi } from '../../../app/desktopApiContext';
import { toDocx } from '../export/toDocx';
import { printDocument } from '../print/printDocument';

/** Offers bytes as a download (the browser's own save dialog; Electron's download handler). */
function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Export the open document as .docx, as PDF (print to PDF) or print it, laid out as court documents are. */
export function ExportButtons({
  editor,
  title,
  subject,
}: {
  readonly editor: Editor;
  readonly title: string;
  readonly subject: string;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const api = useDesktopApi();
  const [busy, setBusy] = useState<string | null>(null);
  const name = subject ? `${title} ${subject}` : title;
  async function run(kind: 'docx' | 'pdf' | 'print') {
    setBusy(kind);
    try {
      const json = editor.getJSON() as JSONContent;
      if (kind === 'docx') download(await toDocx(json, { title: name, subject }), `${name}.docx`, DOCX);
      else
        await printDocument(
          api,
          json,
          { title: name, suggestedName: name },
          kind === 'pdf' ? 'pdf' : 'print',
        );
    } catch (err) {
      message.error(t('documents.export.failed', { message: (err as Error).message }));
    } finally {
      setBusy(null);
    }
  }
  return (
    <Space wrap data-testid="export-buttons">
      <Button
        icon={<FileWordOutlined />}
        loading={busy === 'docx'}
        onClick={() => void run('docx')}
        data-testid="export-docx"
      >
        {t('documents.export.docx')}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        loading={busy === 'pdf'}
        onClick={() => void run('pdf')}
        data-testid="export-pdf"
      >
        {t('documents.export.pdf')}
      </Button>
      <Button
        icon={<PrinterOutlined />}
        loading={busy === 'print'}
        onClick={() => void run('print')}
        data-testid="print"
      >
        {t('documents.export.print')}
      </Button>
    </Space>
  );
}
