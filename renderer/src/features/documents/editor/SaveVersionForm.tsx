import { App as AntApp, Alert, Button, Input, Select, Space } from 'antd';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DRAFT_MILESTONES,
  SETTLED_MILESTONES,
  type DraftMilestone,
} from '../../../../../core/schemas/draftData';
import type { DraftSession } from '../../../db/drafts/draftSession';
import { saveVersion } from '../../../db/drafts/versions';
import { useSyncEngine } from '../../../db/hooks';
import { editorPlaceholders, PlaceholderList, usePlaceholders } from './PlaceholderList';
import { buildTextMap } from './textMap';

/** Props of {@link SaveVersionForm}. */
export interface SaveVersionFormProps {
  readonly session: DraftSession;
  readonly editor: Editor;
  readonly user: string;
  /** The user may finalise and issue (judge, court leader). */
  readonly canSettle: boolean;
  readonly openSpots: number;
}

/**
 * Saves the document as a named milestone (初稿 … 签发). 定稿 and 签发 are refused while any
 * same-words spot is open or any place is still to fill (【…】, listed; a click selects it) — the
 * schema and the server refuse them too — and offered only to judges and court leaders.
 */
export function SaveVersionForm({ session, editor, user, canSettle, openSpots }: SaveVersionFormProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const [milestone, setMilestone] = useState<DraftMilestone>('draft');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const settling = SETTLED_MILESTONES.includes(milestone);
  const places = usePlaceholders(editor);
  const unfilled = settling && places.length > 0;
  const blocked = settling && openSpots > 0;
  const refused = settling && !canSettle;
  async function save() {
    if (!engine || blocked || refused || unfilled) return;
    setBusy(true);
    try {
      await session.flush();
      await saveVersion(engine.local('documents'), user, session.draftId, session.doc, {
        milestone,
        note,
        openSpots,
        openPlaceholders: editorPlaceholders(editor).length,
        textLength: buildTextMap(editor.state.doc).text.length,
      });
      message.success(
        t('documents.versions.saved', { name: t(`documents.versions.milestones.${milestone}`) }),
      );
      setNote('');
    } catch (err) {
      message.error(String((err as Error).message));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="save-version">
      <Space.Compact style={{ width: '100%' }}>
        <Select
          style={{ width: 130 }}
          value={milestone}
          onChange={setMilestone}
          data-testid="milestone-select"
          options={DRAFT_MILESTONES.map((m) => ({
            value: m,
            label: t(`documents.versions.milestones.${m}`),
          }))}
        />
        <Input
          placeholder={t('documents.versions.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={blocked || refused || unfilled}
          onClick={() => void save()}
          data-testid="save-version-button"
        >
          {t('documents.versions.save')}
        </Button>
      </Space.Compact>
      {blocked && (
        <Alert
          type="error"
          showIcon
          title={t('documents.versions.blocked', { count: openSpots })}
          data-testid="settle-blocked"
        />
      )}
      {refused && <Alert type="warning" showIcon title={t('documents.versions.judgeOnly')} />}
      {unfilled && (
        <>
          <Alert
            type="error"
            showIcon
            title={t('documents.versions.fillIns', { count: places.length })}
            data-testid="settle-blocked-placeholders"
          />
          <PlaceholderList editor={editor} places={places} />
        </>
      )}
    </Space>
  );
}
