import { useState } from 'react';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { mayRelease, openControls, releasedOn } from '../../../../../core/enforcement/assetControl';
import { formatFen, toFen } from '../../../../../core/enforcement/ledger';
import type { Repository } from '../../../db';
import { addControl, createInquiry, recordInquiryResult, releaseControl } from '../model/enforcementCommands';
import type { InquiryDoc } from '../model/enforcementRecords';
import { useWrite } from '../model/useWrite';
import { ControlModal, InquiryModal, ReleaseModal, ResultModal } from './AssetForms';

const LEVEL_COLOR = { d30: 'gold', d15: 'orange', d7: 'red', overdue: 'magenta', none: 'blue' } as const;

/** Props of {@link AssetPanel}. */
export interface AssetPanelProps {
  readonly caseId: string;
  readonly inquiries: readonly InquiryDoc[];
  readonly repo: Repository;
  /** The signed-in officer (recorded as who released a control). */
  readonly user: string;
  readonly canWrite: boolean;
  readonly today: string;
}

/** 财产查控: the inquiries of a case, their results and controls, each freeze's lapse warning. */
export function AssetPanel({ caseId, inquiries, repo, user, canWrite, today }: AssetPanelProps) {
  const { t } = useTranslation();
  const run = useWrite();
  const [adding, setAdding] = useState(false);
  const [resultFor, setResultFor] = useState<InquiryDoc | null>(null);
  const [controlFor, setControlFor] = useState<InquiryDoc | null>(null);
  const [releaseFor, setReleaseFor] = useState<{ inquiry: InquiryDoc; index: number } | null>(null);
  const yuan = (n: number | undefined) =>
    n === undefined ? '' : t('enforcement.common.yuan', { amount: formatFen(toFen(n)) });
  return (
    <Card
      title={t('enforcement.assets.title')}
      style={{ marginBottom: 16 }}
      extra={
        canWrite && (
          <Button onClick={() => setAdding(true)} data-testid="inquiry-add">
            {t('enforcement.assets.add')}
          </Button>
        )
      }
    >
      <Table<InquiryDoc>
        rowKey="_id"
        size="small"
        pagination={false}
        dataSource={[...inquiries].sort((a, b) => (a.requestDate < b.requestDate ? 1 : -1))}
        data-testid="inquiry-table"
        columns={[
          {
            title: t('enforcement.assets.channel'),
            key: 'ch',
            render: (_, q) => t(`enforcement.channel.${q.channel}`),
          },
          {
            title: t('enforcement.assets.assetKind'),
            key: 'kind',
            render: (_, q) => t(`enforcement.assetKind.${q.assetKind}`),
          },
          { title: t('enforcement.assets.institution'), dataIndex: 'institution' },
          { title: t('enforcement.assets.requestDate'), dataIndex: 'requestDate' },
          {
            title: t('enforcement.assets.result'),
            key: 'result',
            render: (_, q) => `${t(`enforcement.result.${q.result}`)} ${yuan(q.amountFound)}`,
          },
          {
            title: t('enforcement.assets.controls'),
            key: 'controls',
            render: (_, q) => {
              const open = new Map(openControls(q.controls ?? [], today).map((c) => [c.index, c]));
              return (
                <Flex vertical gap={4}>
                  {(q.controls ?? []).map((c, i) => {
                    const lapse = open.get(i);
                    return (
                      <span key={i} data-testid="control-row">
                        {t('enforcement.assets.controlRow', {
                          kind: t(`enforcement.control.${c.kind}`),
                          amount: yuan(c.amount),
                          date: c.date,
                          until: c.expiresOn ? t('enforcement.assets.until', { date: c.expiresOn }) : '',
                        })}{' '}
                        {lapse && lapse.level !== 'none' && (
                          <Tag color={LEVEL_COLOR[lapse.level]} data-testid="control-lapse">
                            {t(`enforcement.warning.${lapse.level}`)}
                          </Tag>
                        )}
                        {releasedOn(c) && (
                          <Tag data-testid="control-released">
                            {t('enforcement.assets.released', {
                              date: releasedOn(c),
                              ruling: c.release?.rulingNo ?? '',
                            })}
                          </Tag>
                        )}
                        {canWrite && mayRelease(q.controls ?? [], i) && (
                          <Button
                            size="small"
                            type="link"
                            data-testid="control-release"
                            onClick={() => setReleaseFor({ inquiry: q, index: i })}
                          >
                            {t('enforcement.assets.release')}
                          </Button>
                        )}
                      </span>
                    );
                  })}
                </Flex>
              );
            },
          },
          {
            key: 'actions',
            render: (_, q) =>
              canWrite && (
                <Flex gap={4}>
                  <Button size="small" onClick={() => setResultFor(q)} data-testid="inquiry-result">
                    {t('enforcement.assets.recordResult')}
                  </Button>
                  {q.result === 'found' && (
                    <Button size="small" onClick={() => setControlFor(q)} data-testid="inquiry-control">
                      {t('enforcement.assets.addControl')}
                    </Button>
                  )}
                </Flex>
              ),
          },
        ]}
      />
      <InquiryModal
        open={adding}
        today={today}
        onCancel={() => setAdding(false)}
        onSubmit={async (v) => {
          const ok = await run(() => createInquiry(repo, { ...v, caseId, result: 'pending' }));
          if (ok) setAdding(false);
          return ok;
        }}
      />
      <ResultModal
        open={resultFor !== null}
        today={today}
        onCancel={() => setResultFor(null)}
        onSubmit={async (v) => {
          const ok = resultFor !== null && (await run(() => recordInquiryResult(repo, resultFor._id, v)));
          if (ok) setResultFor(null);
          return ok;
        }}
      />
      <ControlModal
        open={controlFor !== null}
        inquiry={controlFor}
        today={today}
        onCancel={() => setControlFor(null)}
        onSubmit={async (v) => {
          const ok = controlFor !== null && (await run(() => addControl(repo, controlFor._id, v)));
          if (ok) setControlFor(null);
          return ok;
        }}
      />
      <ReleaseModal
        open={releaseFor !== null}
        control={releaseFor?.inquiry.controls?.[releaseFor.index] ?? null}
        today={today}
        onCancel={() => setReleaseFor(null)}
        onSubmit={async (v) => {
          const ok =
            releaseFor !== null &&
            (await run(() =>
              releaseControl(repo, releaseFor.inquiry._id, releaseFor.index, { ...v, by: user }),
            ));
          if (ok) setReleaseFor(null);
          return ok;
        }}
      />
    </Card>
  );
}
