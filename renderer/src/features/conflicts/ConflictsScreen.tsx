import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Empty, Radio, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  diffRevisions,
  keepRevision,
  loadRevisions,
  mergeRevisions,
  type FieldDiff,
  type RevisionView,
} from '../../db/conflicts';
import { useConflicts, useSyncEngine, type ConflictEntry } from '../../db/hooks';
import type { DiffPart } from '../../db/textDiff';
import { PageHeader } from '../../app/layout/PageHeader';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { StaffName } from '../staff/StaffName';

/** Fields that hold a user name: shown by display name (the user name in the tooltip). */
const USER_NAME_FIELDS = new Set(['createdBy', 'updatedBy', 'judge', 'clerk', 'assistant', 'user']);

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

function FieldValue({ field, value, mark }: { field: string; value: unknown; mark: boolean }) {
  if (USER_NAME_FIELDS.has(field) && typeof value === 'string' && value !== '')
    return (
      <Typography.Text mark={mark}>
        <StaffName name={value} />
      </Typography.Text>
    );
  return <Typography.Text mark={mark}>{show(value)}</Typography.Text>;
}

function TextDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <div className="cd-textdiff" style={{ whiteSpace: 'pre-wrap' }} data-testid="conflict-textdiff">
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'added' ? (
          <ins key={i} style={{ background: '#e6ffec' }}>
            {p.text}
          </ins>
        ) : (
          <del key={i} style={{ background: '#ffebe9' }}>
            {p.text}
          </del>
        ),
      )}
    </div>
  );
}

/** Side-by-side comparison of one conflicted document with keep and field-by-field merge. */
function ConflictDetail({ entry, onDone }: { entry: ConflictEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const engine = useSyncEngine();
  const [revs, setRevs] = useState<RevisionView[] | null>(null);
  const [choice, setChoice] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const revKey = [entry.winningRev, ...entry.conflictRevs].join(',');

  useEffect(() => {
    if (!engine) return undefined;
    let live = true;
    void loadRevisions(engine.local(entry.key), entry.id).then(
      (r) => {
        if (live) setRevs(r);
      },
      (err: unknown) => void message.error(t('conflictCentre.failed', { reason: String(err) })),
    );
    return () => {
      live = false;
    };
  }, [engine, entry.key, entry.id, revKey, message, t]);

  const diff: FieldDiff[] = useMemo(() => (revs ? diffRevisions(revs) : []), [revs]);
  if (!engine || !revs) return <Spin description={t('conflictCentre.loading')} />;

  async function run(action: () => Promise<string>, done: string) {
    setBusy(true);
    try {
      await action();
      void message.success(t(done));
      onDone();
    } catch (err) {
      void message.error(
        t('conflictCentre.failed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setBusy(false);
    }
  }

  const db = engine.local(entry.key);
  const merged = () => {
    const base: Record<string, unknown> = { ...revs[0]?.doc };
    for (const d of diff) {
      const pick = choice[d.field] ?? 0;
      if (pick !== 0) base[d.field] = d.values[pick];
    }
    return base;
  };

  const columns = [
    { title: t('conflictCentre.field'), dataIndex: 'field', key: 'field', width: 140 },
    ...revs.map((r, i) => ({
      key: r.rev,
      title: (
        <Space direction="vertical" size={2}>
          <span>{i === 0 ? t('conflictCentre.current') : t('conflictCentre.other', { n: i })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.rev}
          </Typography.Text>
          <Button
            size="small"
            disabled={busy}
            onClick={() => void run(() => keepRevision(db, entry.id, r.rev), 'conflictCentre.kept')}
            data-testid={`conflict-keep-${i}`}
          >
            {t('conflictCentre.keep')}
          </Button>
        </Space>
      ),
      render: (_: unknown, d: FieldDiff) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {d.differs ? (
            <Radio
              checked={(choice[d.field] ?? 0) === i}
              onChange={() => setChoice({ ...choice, [d.field]: i })}
            >
              <FieldValue field={d.field} value={d.values[i]} mark />
            </Radio>
          ) : (
            <FieldValue field={d.field} value={d.values[i]} mark={false} />
          )}
          {d.textDiffs && i > 0 && d.textDiffs[i] && (
            <>
              <Typography.Text type="secondary">{t('conflictCentre.textDiff')}</Typography.Text>
              <TextDiff parts={d.textDiffs[i] ?? []} />
            </>
          )}
        </Space>
      ),
    })),
  ];

  return (
    <Card
      title={entry.title ?? entry.id}
      extra={
        <Space>
          <Button onClick={onDone}>{t('conflictCentre.back')}</Button>
          <Button
            type="primary"
            disabled={busy}
            onClick={() => void run(() => mergeRevisions(db, entry.id, merged()), 'conflictCentre.merged')}
            data-testid="conflict-merge"
          >
            {t('conflictCentre.merge')}
          </Button>
        </Space>
      }
      data-testid="conflict-detail"
    >
      <Typography.Paragraph type="secondary">{t('conflictCentre.mergeHint')}</Typography.Paragraph>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={diff.filter((d) => !d.field.startsWith('_') || d.field === '_id')}
        scroll={{ x: true }}
      />
    </Card>
  );
}

/** Conflict centre: every document with conflicting revisions, compared side by side and resolved explicitly. */
export default function ConflictsScreen({ moduleKey }: FeatureScreenProps) {
  const { t } = useTranslation();
  const conflicts = useConflicts();
  const [open, setOpen] = useState<{ key: string; id: string } | null>(null);
  const entry = open ? conflicts.find((c) => c.key === open.key && c.id === open.id) : undefined;

  return (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`}>
      <PageHeader moduleKey={moduleKey} />
      <Typography.Paragraph type="secondary">{t('conflictCentre.intro')}</Typography.Paragraph>
      {entry ? (
        <ConflictDetail entry={entry} onDone={() => setOpen(null)} />
      ) : conflicts.length === 0 ? (
        <Empty description={t('conflictCentre.empty')} data-testid="conflicts-empty" />
      ) : (
        <Table
          rowKey={(c) => `${c.key}/${c.id}`}
          dataSource={[...conflicts]}
          size="middle"
          data-testid="conflicts-list"
          columns={[
            {
              title: t('conflictCentre.colDocument'),
              key: 'doc',
              render: (_: unknown, c: ConflictEntry) => c.title ?? c.id,
            },
            { title: t('conflictCentre.colDatabase'), dataIndex: 'key', key: 'key' },
            {
              title: t('conflictCentre.colVersions'),
              key: 'n',
              render: (_: unknown, c: ConflictEntry) =>
                t('conflictCentre.versions', { count: c.conflictRevs.length + 1 }),
            },
            {
              key: 'open',
              render: (_: unknown, c: ConflictEntry) => (
                <Button
                  onClick={() => setOpen({ key: c.key, id: c.id })}
                  data-testid={`conflict-open-${c.id}`}
                >
                  {t('conflictCentre.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
