import { Alert, Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFLICT_MARK, listSpots, resolveSpot, type ConflictSpot } from '../../../db/drafts/conflictSpots';
import type { DraftSession } from '../../../db/drafts/draftSession';
import { useStaffDirectory } from '../../staff/useStaffDirectory';

/** The spots of the draft, live (the Yjs document changes with every edit and sync). */
export function useSpots(session: DraftSession): readonly ConflictSpot[] {
  const [spots, setSpots] = useState<readonly ConflictSpot[]>(() => listSpots(session.doc, session.fragment));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setSpots(listSpots(session.doc, session.fragment));
      }, 150);
    };
    session.doc.on('update', refresh);
    return () => {
      session.doc.off('update', refresh);
      if (timer) clearTimeout(timer);
    };
  }, [session]);
  return spots;
}

function spotRange(editor: Editor, id: string): { from: number; to: number } | null {
  let range: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (node.isText && node.marks.some((m) => m.type.name === CONFLICT_MARK && m.attrs['id'] === id)) {
      range = range ? { from: range.from, to: pos + node.nodeSize } : { from: pos, to: pos + node.nodeSize };
    }
    return true;
  });
  return range;
}

/**
 * 修改冲突: where two people changed the same words offline. Each spot is marked in the text; the
 * user reads, edits, and marks it resolved (which removes the mark everywhere). 定稿 and 签发 wait
 * until none is open.
 */
export function SpotsPanel({
  session,
  editor,
  user,
}: {
  readonly session: DraftSession;
  readonly editor: Editor;
  readonly user: string;
}) {
  const { t } = useTranslation();
  const staff = useStaffDirectory();
  const spots = useSpots(session);
  const open = spots.filter((s) => !s.resolved);
  if (spots.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('documents.spots.none')}
        data-testid="spots-panel"
        data-open={0}
      />
    );
  return (
    <div data-testid="spots-panel" data-open={open.length}>
      {open.length > 0 && (
        <Alert type="warning" showIcon title={t('documents.spots.explain')} style={{ marginBottom: 8 }} />
      )}
      <List
        size="small"
        dataSource={[...spots]}
        renderItem={(s) => (
          <List.Item
            data-testid="spot"
            data-resolved={s.resolved ? 'yes' : 'no'}
            actions={
              s.resolved
                ? []
                : [
                    <Button
                      key="jump"
                      size="small"
                      onClick={() => {
                        const r = spotRange(editor, s.id);
                        if (r) editor.chain().focus().setTextSelection(r).scrollIntoView().run();
                      }}
                    >
                      {t('documents.spots.jump')}
                    </Button>,
                    <Button
                      key="ok"
                      size="small"
                      type="primary"
                      data-testid="resolve-spot"
                      onClick={() => resolveSpot(session.doc, session.fragment, s.id, user, new Date())}
                    >
                      {t('documents.spots.resolve')}
                    </Button>,
                  ]
            }
          >
            <Space direction="vertical" size={0}>
              <Typography.Text strong className={s.resolved ? undefined : 'cd-conflict-spot'}>
                {s.text || '—'}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('documents.spots.by', {
                  names: s.authors.map((a) => staff.displayName(a)).join(t('documents.separator')),
                })}
              </Typography.Text>
              {s.lostText && (
                <Typography.Text type="danger">
                  {t('documents.spots.lost', { text: s.lostText })}
                </Typography.Text>
              )}
              {s.resolved && (
                <Tag color="success">
                  {t('documents.spots.resolved', { name: staff.displayName(s.resolved.by) })}
                </Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
