import { ArrowLeftOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, hrefWith } from '../../../app/router';
import { useDraftInfo } from '../../../db/draftHooks';
import { createRepository } from '../../../db/repository';
import { useSyncEngine } from '../../../db/hooks';
import { useSession } from '../../cases/work/caseWorkHooks';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { useCaseRecord } from '../model/useCaseRecord';
import { publishedText, withManual, type ReviewReplacement } from './reviewModel';
import { ReviewText, selectedRange } from './ReviewText';
import { usePublicationRecord, usePublicationSource } from './usePublication';
import '../editor/documents.css';

/**
 * 裁判文书公开: the issued text beside the text to publish, every replacement highlighted; the
 * clerk adds one (select words in the original → 某 or ×××) or undoes one, then publishes, which
 * keeps a publication record (who, when, which version, the text and every replacement).
 */
export default function PublicationPage({ draftId }: { readonly draftId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const session = useSession();
  const staff = useStaffDirectory();
  const draft = useDraftInfo(draftId);
  const record = useCaseRecord(draft?.caseId ?? null);
  const source = usePublicationSource(draft, record);
  const published = usePublicationRecord(draftId);
  // The clerk's edits belong to the source they were made on; a new source starts from its proposal.
  const [edited, setEdited] = useState<{
    readonly from: unknown;
    readonly reps: readonly ReviewReplacement[];
  }>();
  const reps = edited && edited.from === source ? edited.reps : (source?.proposed ?? []);
  const setReps = (next: readonly ReviewReplacement[]) => setEdited({ from: source, reps: next });
  const [busy, setBusy] = useState(false);
  const originalRef = useRef<HTMLDivElement>(null);
  const en = i18n.language === 'en';
  const back = (
    <Button href={hrefFor('documents')} icon={<ArrowLeftOutlined />}>
      {t('documents.editor.back')}
    </Button>
  );
  if (!source || !draft)
    return (
      <Spin description={t('documents.editor.loading')}>
        <div style={{ minHeight: 200 }} />
      </Spin>
    );

  function add(kind: 'name' | 'mark') {
    const range = selectedRange(originalRef.current);
    if (!range) return void message.info(t('documents.publish.selectFirst'));
    try {
      setReps(withManual(source!.text, reps, range.start, range.end, kind));
    } catch (err) {
      message.error(t('documents.publish.overlap', { message: (err as Error).message }));
    }
  }
  async function publish() {
    if (!engine || !session || !source?.version || !draft || source.places.length > 0) return;
    setBusy(true);
    try {
      await createRepository(engine.local('documents'), { user: session.name }).create(
        'publication',
        [draftId.slice('draft:'.length)],
        {
          draftId,
          caseId: draft.caseId,
          versionId: source.version.id,
          text: publishedText(source.text, reps),
          replacements: reps.map((r) => ({
            start: r.start,
            end: r.end,
            original: r.original,
            replacement: r.replacement,
            rule: r.rule,
          })),
          publishedAt: new Date().toISOString(),
          exceptions: source.decision.exceptions.map((e) => e.code),
        },
      );
    } catch (err) {
      message.error(t('documents.publish.publishFailed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  const d = source.decision;
  const unfilled = source.places.length > 0;
  const isClerk = session?.roles.includes('clerk') ?? false;
  return (
    <div className="cd-screen" data-testid="publication-page">
      <Space style={{ marginBottom: 12 }} wrap>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('documents.publish.titleOf', { title: draft.title })}
        </Typography.Title>
        <Tag color={d.publishable ? 'success' : 'error'} data-testid="publication-decision">
          {d.publishable ? t('documents.publish.publishable') : t('documents.publish.notPublishable')}
        </Tag>
      </Space>
      {d.reasons.map((r) => (
        <Alert
          key={r.code}
          type="error"
          showIcon
          title={`${r.article} ${en ? r.messageEn : r.message}`}
          style={{ marginBottom: 8 }}
        />
      ))}
      {d.exceptions.map((r) => (
        <Alert
          key={r.code}
          type="info"
          showIcon
          title={`${r.article} ${en ? r.messageEn : r.message}`}
          style={{ marginBottom: 8 }}
        />
      ))}
      {unfilled && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="publish-blocked-placeholders"
          title={t('documents.publish.placeholders', { count: source.places.length })}
          description={
            <Space wrap>
              {source.places.map((p) => (
                <Tag key={p.start} color="gold" data-testid="placeholder">
                  {p.text}
                </Tag>
              ))}
              <Button size="small" href={hrefWith('documents', { draft: draftId })}>
                {t('documents.publish.openDraft')}
              </Button>
            </Space>
          }
        />
      )}
      {!source.version && <Alert type="warning" showIcon title={t('documents.publish.noVersion')} />}
      {source.version && (
        <>
          <Space style={{ margin: '8px 0' }} wrap>
            <Typography.Text>{t('documents.publish.replacements', { count: reps.length })}</Typography.Text>
            <Typography.Text type="secondary">{t('documents.publish.add')}</Typography.Text>
            <Button size="small" onClick={() => add('name')} data-testid="add-name">
              {t('documents.publish.addName')}
            </Button>
            <Button size="small" onClick={() => add('mark')} data-testid="add-mark">
              {t('documents.publish.addMark')}
            </Button>
            {published ? (
              <Tag color="success" data-testid="published">
                {t('documents.publish.published', {
                  time: dayjs(String(published['publishedAt'])).format('YYYY-MM-DD HH:mm'),
                  name: staff.displayName(String(published['createdBy'])),
                })}
              </Tag>
            ) : (
              <Button
                type="primary"
                disabled={!d.publishable || !isClerk || unfilled}
                loading={busy}
                onClick={() => void publish()}
                data-testid="mark-published"
              >
                {t('documents.publish.markPublished')}
              </Button>
            )}
            {!isClerk && (
              <Typography.Text type="secondary">{t('documents.publish.clerkOnly')}</Typography.Text>
            )}
          </Space>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title={t('documents.publish.original')}>
                <div ref={originalRef}>
                  <ReviewText original={source.text} reps={reps} side="original" />
                </div>
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t('documents.publish.result')}>
                <ReviewText
                  original={source.text}
                  reps={reps}
                  side="result"
                  onUndo={published ? undefined : (i) => setReps(reps.filter((_, k) => k !== i))}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
