import { useMemo, useState } from 'react';
import { Button, Flex, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../../core/court';
import { ENFORCEMENT_CASE_TYPES } from '../../../../../core/enforcement/closing';
import {
  GROUND_ITEM,
  listingEndsOn,
  listingState,
  maskIdNumber,
  publicList,
  type DishonestEntry,
} from '../../../../../core/enforcement/dishonest';
import { roundOf } from '../../../../../core/enforcement/listingRounds';
import {
  PUBLIC_LIST_STYLESHEET,
  publicListCsv,
  publicListHtml,
} from '../../../../../core/enforcement/publicListExport';
import { useDesktopApi } from '../../../app/desktopApiContext';
import { downloadBlob } from '../../../platform/download';
import { printHtml } from '../../documents/print/printDocument';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';
import { todayInBeijing } from '../../cases/work/caseWorkHooks';
import { decide, proposeListing, publishListing, removeListing } from '../model/enforcementCommands';
import { useDishonestEntries, useEnforcementRepo } from '../model/enforcementRecords';
import { useWrite } from '../model/useWrite';
import { ApprovalButtons } from '../cases/ApprovalButtons';
import { ListingModal, RemovalModal } from './ListingForms';
import { publicListXlsx } from './publicListXlsx';

const STATE_COLOR = {
  pending: 'gold',
  rejected: 'default',
  listed: 'red',
  periodEnded: 'orange',
  removed: 'default',
} as const;

/** 失信被执行人名单: propose (officers), approve (leaders), publish, remove with a reason, export the current list. */
export default function DishonestListScreen() {
  const { t } = useTranslation();
  const api = useDesktopApi();
  const run = useWrite();
  const ctx = useEnforcementRepo();
  const entries = useDishonestEntries();
  const { catalog, version } = useCaseCatalog();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<DishonestEntry | null>(null);
  const [preview, setPreview] = useState(false);
  const today = todayInBeijing();
  const cases = useMemo(
    () =>
      catalog?.query({
        types: ENFORCEMENT_CASE_TYPES,
        sort: { field: 'filingDate', dir: 'desc' },
        offset: 0,
        limit: 500,
      }).rows ?? [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version says the catalog changed
    [catalog, version],
  );
  const rows = useMemo(() => publicList(entries ?? [], today), [entries, today]);
  const header = t('enforcement.debtors.columns').split(',');
  const title = t('enforcement.debtors.noticeTitle', { court: DEFAULT_COURT.name });
  const dateLine = t('enforcement.debtors.noticeDate', { date: today });
  const html = publicListHtml(title, dateLine, header, rows);
  const officer = ctx?.roles.includes('enforcement') ?? false;
  return (
    <div className="cd-screen" data-testid="screen-enforcement-debtors">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t('enforcement.debtors.title')}</Typography.Title>
        <Flex gap={8}>
          {officer && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="listing-add">
              {t('enforcement.debtors.add')}
            </Button>
          )}
          <Button
            data-testid="export-csv"
            onClick={() =>
              downloadBlob(
                new Blob([publicListCsv(header, rows)], { type: 'text/csv;charset=utf-8' }),
                t('enforcement.debtors.fileName', { date: today }),
              )
            }
          >
            {t('enforcement.debtors.exportCsv')}
          </Button>
          <Button
            data-testid="export-xlsx"
            onClick={async () =>
              downloadBlob(
                await publicListXlsx(title, dateLine, header, rows),
                t('enforcement.debtors.fileNameXlsx', { date: today }),
              )
            }
          >
            {t('enforcement.debtors.exportXlsx')}
          </Button>
          <Button data-testid="export-preview" onClick={() => setPreview(true)}>
            {t('enforcement.debtors.exportPdf')}
          </Button>
        </Flex>
      </Flex>
      <Table<DishonestEntry>
        rowKey="_id"
        size="middle"
        dataSource={[...(entries ?? [])]}
        locale={{ emptyText: t('enforcement.debtors.empty') }}
        data-testid="debtor-table"
        columns={[
          { title: t('enforcement.debtors.name'), key: 'n', render: (_, e) => e.respondent.name },
          {
            title: t('enforcement.debtors.idNumber'),
            key: 'i',
            render: (_, e) => maskIdNumber(e.respondent.idNumber, e.respondent.kind),
          },
          { title: t('enforcement.list.number'), dataIndex: 'caseNumber' },
          {
            title: t('enforcement.debtors.ground'),
            key: 'g',
            render: (_, e) => `${GROUND_ITEM[e.ground]} ${t(`enforcement.debtors.grounds.${e.ground}`)}`,
          },
          { title: t('enforcement.debtors.listedOn'), dataIndex: 'listedOn' },
          {
            title: t('enforcement.debtors.endsOn'),
            key: 'e',
            render: (_, e) => listingEndsOn(e) ?? t('enforcement.debtors.noEnd'),
          },
          {
            title: t('enforcement.debtors.state'),
            key: 's',
            render: (_, e) => {
              const s = listingState(e, today);
              return (
                <Tag color={STATE_COLOR[s]} data-testid="debtor-state">
                  {t(`enforcement.debtors.states.${s}`)}
                  {e.removal
                    ? ` · ${t('enforcement.debtors.removalShown', { reason: t(`enforcement.debtors.reasons.${e.removal.reason}`), note: e.removal.note })}`
                    : ''}
                  {roundOf(e) > 1 ? ` · ${t('enforcement.debtors.round', { round: roundOf(e) })}` : ''}
                </Tag>
              );
            },
          },
          {
            key: 'a',
            render: (_, e) => {
              const s = listingState(e, today);
              if (!ctx) return null;
              return (
                <Flex gap={4}>
                  {s === 'pending' && (
                    <ApprovalButtons
                      record={e}
                      user={ctx.user}
                      roles={ctx.roles}
                      testId="listing-approve"
                      onDecide={(d) => void run(() => decide(ctx.repo, e._id, ctx.user, d))}
                    />
                  )}
                  {officer && s === 'listed' && !e.publishedOn && (
                    <Button
                      size="small"
                      data-testid="listing-publish"
                      onClick={() => void run(() => publishListing(ctx.repo, e._id, today))}
                    >
                      {t('enforcement.debtors.publish')}
                    </Button>
                  )}
                  {officer && (s === 'listed' || s === 'periodEnded') && (
                    <Button size="small" danger data-testid="listing-remove" onClick={() => setRemoving(e)}>
                      {t('enforcement.debtors.remove')}
                    </Button>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      {ctx && (
        <ListingModal
          open={adding}
          cases={cases}
          today={today}
          onCancel={() => setAdding(false)}
          onSubmit={async (v) => {
            const ok = await run(
              () => proposeListing(ctx.repo, v, ctx.user),
              t('enforcement.debtors.duplicate'),
            );
            if (ok) setAdding(false);
            return ok;
          }}
        />
      )}
      {ctx && (
        <RemovalModal
          open={removing !== null}
          onCancel={() => setRemoving(null)}
          onSubmit={async (v) => {
            const ok =
              removing !== null &&
              (await run(() => removeListing(ctx.repo, removing._id, { ...v, on: today, by: ctx.user })));
            if (ok) setRemoving(null);
            return ok;
          }}
        />
      )}
      <Modal
        open={preview}
        width={1100}
        title={t('enforcement.debtors.preview')}
        onCancel={() => setPreview(false)}
        okText={t('enforcement.debtors.exportPdf')}
        onOk={() =>
          void printHtml(
            api,
            {
              html: `<div class="cd-public-list">${html}</div>`,
              stylesheet: PUBLIC_LIST_STYLESHEET,
              title,
              suggestedName: `${title}.pdf`,
            },
            'pdf',
          )
        }
      >
        <style>{PUBLIC_LIST_STYLESHEET.replace(/@page[^}]*}/, '')}</style>
        {/* publicListHtml escapes every text it writes (publicListExport.test.ts). */}
        <div
          className="cd-public-list"
          data-testid="public-list-preview"
          dangerouslySetInnerHTML={{ __html: html }}
        />
      </Modal>
    </div>
  );
}
