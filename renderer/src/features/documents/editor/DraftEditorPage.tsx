import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { Alert, Button, Card, Col, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, hrefWith } from '../../../app/router';
import { useDraftInfo, useDraftSession } from '../../../db/draftHooks';
import { useSession } from '../../cases/work/caseWorkHooks';
import { canDraft } from '../model/roles';
import { useCaseRecord } from '../model/useCaseRecord';
import { ScanList } from '../scans/ScanList';
import { CheckerPanel } from './CheckerPanel';
import { CourtEditor } from './CourtEditor';
import { EditorToolbar } from './EditorToolbar';
import { ExportButtons } from './ExportButtons';
import { SaveIndicator } from './SaveIndicator';
import { SpotsPanel, useSpots } from './SpotsPanel';
import { VersionsPanel } from './VersionsPanel';
import './documents.css';

/**
 * One draft open for editing: the court-document editor bound to the draft's co-drafting session
 * (autosave, others' changes merged in), with the checker, same-words spots, versions, export and
 * the draft's scans beside it.
 */
export default function DraftEditorPage({ draftId }: { readonly draftId: string }) {
  const { t } = useTranslation();
  const signedIn = useSession();
  const draft = useDraftInfo(draftId);
  const record = useCaseRecord(draft?.caseId ?? null);
  const { session, error } = useDraftSession(draft, signedIn?.name ?? null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((e: Editor | null) => setEditor(e), []);
  const roles = signedIn?.roles ?? [];
  const spots = session ? <OpenSpots key={session.draftId} session={session} /> : null;
  useEffect(() => {
    // A version-1 draft kept its content as HTML: read it in once, as the first change.
    if (editor && session && draft?.legacyBody && session.fragment.length === 0)
      editor.commands.setContent(draft.legacyBody);
  }, [editor, session, draft?.legacyBody]);
  const back = (
    <Button href={hrefFor('documents')} icon={<ArrowLeftOutlined />} data-testid="editor-back">
      {t('documents.editor.back')}
    </Button>
  );
  if (draft === null)
    return <Alert type="warning" showIcon title={t('documents.editor.notFound')} action={back} />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={t('documents.editor.openFailed', { message: error.message })}
        action={back}
      />
    );
  if (!draft || !session || !signedIn)
    return (
      <Spin description={t('documents.editor.loading')}>
        <div style={{ minHeight: 200 }} data-testid="editor-loading" />
      </Spin>
    );
  const canWrite = canDraft(roles) && session.trusts(signedIn.name);
  const canSettle = roles.includes('judge') || roles.includes('leader');
  return (
    <div className="cd-screen cd-draft" data-testid="draft-page" data-draft-id={draftId}>
      <Space className="cd-draft__header" wrap>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {draft.title}
        </Typography.Title>
        {record && (
          <a href={hrefWith('cases-list', { case: draft.caseId })}>
            <Tag>{record.displayNumber}</Tag>
          </a>
        )}
        <SaveIndicator session={session} />
        {spots}
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {editor && canWrite && <EditorToolbar editor={editor} />}
          <CourtEditor session={session} editable={canWrite} onReady={onReady} />
        </Col>
        <Col xs={24} xl={8}>
          {editor && (
            <Card variant="borderless" size="small">
              <ExportButtons editor={editor} title={draft.title} subject={record?.displayNumber ?? ''} />
              <Tabs
                items={[
                  {
                    key: 'checker',
                    label: t('documents.editor.tabs.checker'),
                    children: record ? <CheckerPanel editor={editor} record={record.document} /> : null,
                  },
                  {
                    key: 'spots',
                    label: t('documents.editor.tabs.spots'),
                    children: <SpotsPanel session={session} editor={editor} user={signedIn.name} />,
                  },
                  {
                    key: 'versions',
                    label: t('documents.editor.tabs.versions'),
                    children: (
                      <VersionsTab
                        session={session}
                        editor={editor}
                        user={signedIn.name}
                        canSettle={canSettle}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          )}
          <Card
            variant="borderless"
            size="small"
            title={t('documents.scans.title')}
            style={{ marginTop: 16 }}
          >
            <ScanList ownerId={draftId} canUpload={canWrite} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function OpenSpots({
  session,
}: {
  readonly session: import('../../../db/drafts/draftSession').DraftSession;
}) {
  const { t } = useTranslation();
  const open = useSpots(session).filter((s) => !s.resolved).length;
  return open > 0 ? (
    <Tag color="red" data-testid="open-spots">
      {t('documents.spots.open', { count: open })}
    </Tag>
  ) : null;
}

function VersionsTab(props: Omit<Parameters<typeof VersionsPanel>[0], 'openSpots'>) {
  const open = useSpots(props.session).filter((s) => !s.resolved).length;
  return <VersionsPanel {...props} openSpots={open} />;
}
