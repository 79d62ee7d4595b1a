import { App as AntApp, Button, Empty, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listVersions, versionDoc, type DraftVersionInfo } from '../../../db/drafts/versions';
import { useLiveQuery, useSyncEngine } from '../../../db/hooks';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { SaveVersionForm, type SaveVersionFormProps } from './SaveVersionForm';
import { VersionDiff } from './VersionDiff';
import { fragmentJson, fragmentText, readableDiff, type DiffRun } from './versionText';

const CURRENT = 'current';

/** Versions: save a milestone, list them, restore one (as a new change) and compare any two. */
export function VersionsPanel(props: SaveVersionFormProps) {
  const { session, editor } = props;
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const engine = useSyncEngine();
  const staff = useStaffDirectory();
  const versions =
    useLiveQuery('documents', (db) => listVersions(db, session.draftId), [session.draftId]) ?? [];
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [runs, setRuns] = useState<readonly DiffRun[] | null>(null);
  const name = (v: DraftVersionInfo) => t(`documents.versions.milestones.${v.milestone}`);

  async function textOf(id: string): Promise<string> {
    if (id === CURRENT || !engine) return fragmentText(session.fragment);
    return fragmentText((await versionDoc(engine.local('documents'), id)).fragment);
  }
  async function compare(from: string, to: string) {
    setPair([from, to]);
    setRuns(readableDiff(await textOf(from), await textOf(to)));
  }
  function restore(v: DraftVersionInfo) {
    modal.confirm({
      content: t('documents.versions.restoreConfirm'),
      onOk: async () => {
        if (!engine) return;
        const { fragment } = await versionDoc(engine.local('documents'), v.id);
        restoreInto(editor, fragment);
        message.success(t('documents.versions.restored', { name: name(v) }));
      },
    });
  }
  const options = [
    { value: CURRENT, label: t('documents.versions.current') },
    ...versions.map((v) => ({
      value: v.id,
      label: `${name(v)} ${dayjs(v.createdAt).format('MM-DD HH:mm')}`,
    })),
  ];
  return (
    <div data-testid="versions-panel" data-count={versions.length}>
      <SaveVersionForm {...props} />
      {versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.versions.none')} />
      ) : (
        <List
          size="small"
          dataSource={[...versions].reverse()}
          renderItem={(v) => (
            <List.Item
              data-testid="version"
              data-milestone={v.milestone}
              actions={[
                <Button
                  key="c"
                  size="small"
                  onClick={() => void compare(v.id, CURRENT)}
                  data-testid="compare-version"
                >
                  {t('documents.versions.compare')}
                </Button>,
                <Button key="r" size="small" onClick={() => restore(v)} data-testid="restore-version">
                  {t('documents.versions.restore')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <Space>
                  <Tag
                    color={v.milestone === 'issued' ? 'red' : v.milestone === 'final' ? 'volcano' : 'blue'}
                  >
                    {name(v)}
                  </Tag>
                  <Typography.Text type="secondary">
                    {staff.displayName(v.createdBy)} · {dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
                {v.note && <Typography.Text>{v.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={pair !== null}
        width={900}
        footer={null}
        onCancel={() => setPair(null)}
        title={t('documents.versions.compareTitle')}
      >
        {pair && (
          <Space style={{ marginBottom: 12 }}>
            <span>{t('documents.versions.from')}</span>
            <Select
              style={{ width: 220 }}
              value={pair[0]}
              options={options}
              onChange={(v) => void compare(v, pair[1])}
            />
            <span>{t('documents.versions.to')}</span>
            <Select
              style={{ width: 220 }}
              value={pair[1]}
              options={options}
              onChange={(v) => void compare(pair[0], v)}
            />
          </Space>
        )}
        {runs && <VersionDiff runs={runs} />}
      </Modal>
    </div>
  );
}

/** Replaces the editor's content with a version's (a new change: history and versions stay). */
export function restoreInto(editor: Editor, fragment: Parameters<typeof fragmentJson>[0]): void {
  editor.commands.setContent(fragmentJson(fragment) as never);
}
