import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeKindOf } from '../../../../../core/archives/binding';
import { suggestCatalogueEntry } from '../../../../../core/archives/catalogueSuggest';
import { filePaper } from '../../../db/archiveHooks';
import { useArchiveSession } from '../model/useArchiveSession';
import { CasePicker, type PickedCase } from './CasePicker';
import { ScanReader, type ReadResult } from './ScanReader';

/**
 * 电子卷宗随案同步生成: a clerk files a paper the day it arrives — the case, the scan, and its
 * catalogue entry, suggested from the OCR of the first page and confirmed (or corrected) by the
 * clerk before it is stored as confirmed. The OCR text goes with it, so the intranet search finds it.
 */
export function FilePaperDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const session = useArchiveSession();
  const [picked, setPicked] = useState<PickedCase | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState<ReadResult | null>(null);
  const [title, setTitle] = useState('');
  const [docDate, setDocDate] = useState<string | undefined>(undefined);
  const [pages, setPages] = useState(1);
  const [kind, setKind] = useState<'main' | 'secondary'>('main');
  const [receivedOn, setReceivedOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onRead = (r: ReadResult) => {
    setReading(r);
    setPages(r.pageCount);
    const s = suggestCatalogueEntry(r.pages[0] ?? '');
    setTitle(s.title);
    // A suggested 副卷 material (合议庭评议笔录 …) is pre-set to 副卷; the clerk can change it.
    setKind(volumeKindOf({ title: s.title, kind: 'main' }));
    setDocDate(s.docDate);
    setConfirmed(false);
  };
  const close = () => {
    setPicked(null);
    setFile(null);
    setReading(null);
    setTitle('');
    setError(null);
    onClose();
  };
  const save = async () => {
    if (!session) return;
    const problem = !picked ? 'needCase' : !file ? 'needFile' : title.trim() === '' ? 'needTitle' : null;
    if (problem || !picked || !file) {
      setError(t(`archives.paper.${problem ?? 'needFile'}`));
      return;
    }
    setSaving(true);
    try {
      await filePaper(session.db, session.repo, session.user, {
        caseUuid: picked.caseUuid,
        caseNumber: picked.caseNumber,
        title,
        receivedOn,
        kind,
        pageCount: pages,
        file,
        catalogue: [
          { title: title.trim(), firstPage: 1, lastPage: pages, ...(docDate ? { docDate } : {}), confirmed },
        ],
        ocrPages: reading?.pages ?? [],
      });
      void message.success(t('archives.paper.saved'));
      close();
    } catch (err) {
      setError(t('archives.paper.failed', { message: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('archives.paper.title')}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="paper-save">
          {t('archives.paper.save')}
        </Button>
      }
    >
      <Form layout="vertical" data-testid="paper-dialog">
        <Form.Item label={t('archives.paper.case')} required>
          <CasePicker onPick={setPicked} />
        </Form.Item>
        <Form.Item label={t('archives.paper.file')} required>
          <ScanReader file={file} onFile={setFile} onRead={onRead} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('archives.paper.kind')}>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'main' | 'secondary')}>
              <Radio value="main">{t('archives.kind.main')}</Radio>
              <Radio value="secondary">{t('archives.kind.secondary')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('archives.paper.receivedOn')}>
            <DatePicker
              value={dayjs(receivedOn)}
              onChange={(d) => d && setReceivedOn(d.format('YYYY-MM-DD'))}
              allowClear={false}
            />
          </Form.Item>
          <Form.Item label={t('archives.paper.pages')}>
            <InputNumber min={1} max={2000} value={pages} onChange={(v) => setPages(Number(v ?? 1))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('archives.paper.docTitle')} required>
          <Input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="paper-title" />
        </Form.Item>
        <Form.Item label={t('archives.catalogue.docDate')}>
          <DatePicker
            value={docDate ? dayjs(docDate) : null}
            onChange={(d) => setDocDate(d ? d.format('YYYY-MM-DD') : undefined)}
          />
        </Form.Item>
        {reading && (
          <Checkbox
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            data-testid="paper-confirm"
          >
            {t('archives.paper.confirm')}
          </Checkbox>
        )}
        {reading && reading.pages[0] && (
          <Typography.Paragraph className="cd-archive-ocr" data-testid="paper-ocr-text">
            {reading.pages[0]}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
