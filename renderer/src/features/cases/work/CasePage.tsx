import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Spin,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { foldCaseState } from '../../../../../core/domain/caseState';
import { caseTypeByCode } from '../../../../../core/domain/courtReference';
import { procedureLimit } from '../../../../../core/domain/timeLimits';
import { migrate } from '../../../../../core/schemas/registry';
import type { ModuleKey } from '../../../app/modules';
import { hrefFor } from '../../../app/router';
import { StaffName } from '../../staff/StaffName';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { decideExtension } from '../model/commands';
import { CaseDocuments } from './CaseDocuments';
import { CaseTimeline } from './CaseTimeline';
import { todayInBeijing, useCaseBundle, useCasesRepo, useSession } from './caseWorkHooks';
import { DeadlineBar } from './DeadlineBar';
import type { PriorAppeal } from './eventData';
import { EventModal, type RecordableKind } from './EventModal';
import FilingReceipt from './FilingReceipt';

/** Props of {@link CasePage}. */
export interface CasePageProps {
  readonly caseId: string;
  /** The list module the page was opened from (Back returns there). */
  readonly from: ModuleKey;
}

const RECORDABLE: readonly RecordableKind[] = [
  'service',
  'hearingScheduled',
  'suspended',
  'resumed',
  'mediation',
  'closed',
  'appeal',
];

interface PartyRow {
  readonly key: number;
  readonly role: string;
  readonly kind: string;
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly queryCode: string;
  readonly agents: string;
}

/**
 * One case (docs/product-rules.md §4.6): number (official, else provisional with a tag), type, procedure,
 * cause,
 * judge and status; the deadline bar; parties with their query codes; the timeline; recording
 * process events; extension requests (judge) and decisions (leaders); the case's documents and
 * the filing receipt. Everything is folded from the local replica and updates from its changes feed.
 */
export default function CasePage({ caseId, from }: CasePageProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const session = useSession();
  const staff = useStaffDirectory();
  const ctx = useCasesRepo();
  const bundle = useCaseBundle(caseId);
  const [recording, setRecording] = useState<RecordableKind | null>(null);
  const [outcomeOf, setOutcomeOf] = useState<PriorAppeal | null>(null);
  const [receipt, setReceipt] = useState(false);
  const [deciding, setDeciding] = useState<string | null>(null);
  const today = todayInBeijing();

  const caseDoc = useMemo(() => {
    if (!bundle?.caseDoc) return null;
    try {
      return migrate(bundle.caseDoc);
    } catch {
      return bundle.caseDoc;
    }
  }, [bundle]);
  const state = useMemo(
    () =>
      bundle?.caseDoc
        ? foldCaseState({
            caseDoc: bundle.caseDoc,
            caseNumberDoc: bundle.caseNumberDoc,
            assignmentDoc: bundle.assignmentDoc,
            events: bundle.events,
            approvals: bundle.approvals,
            asOf: today,
          })
        : null,
    [bundle, today],
  );

  const back = (
    <Button href={hrefFor(from)} icon={<ArrowLeftOutlined />} data-testid="case-back">
      {t('caseWork.casePage.back')}
    </Button>
  );
  if (!bundle || !ctx) {
    return (
      <div className="cd-screen" data-testid={`screen-${from}`} data-case-id={caseId}>
        <Spin description={t('caseWork.common.loading')}>
          <div style={{ minHeight: 120 }} />
        </Spin>
      </div>
    );
  }
  if (!caseDoc || !state) {
    return (
      <div className="cd-screen" data-testid={`screen-${from}`} data-case-id={caseId}>
        <Flex vertical gap={16} align="flex-start">
          {back}
          <Alert
            type="warning"
            showIcon
            title={t('caseWork.casePage.notFound')}
            data-testid="case-not-found"
          />
        </Flex>
      </div>
    );
  }

  const roles = session?.uiRoles ?? [];
  const canRecord = roles.some(
    (r) => r === 'clerk' || r === 'judge' || r === 'assistant' || r === 'enforcement',
  );
  const isAssignedJudge = session !== null && state.judge === session.name;
  const isLeader = roles.includes('leader');
  const type = caseTypeByCode(String(caseDoc['caseType'] ?? caseDoc['caseTypeCode'] ?? ''));
  const limit = state.procedure ? procedureLimit(state.procedure) : null;
  const pending = state.extensionRequests.filter((r) => r.status === 'pending');
  const clerk = typeof bundle.assignmentDoc?.['clerk'] === 'string' ? bundle.assignmentDoc['clerk'] : null;
  const parties: PartyRow[] = (
    Array.isArray(caseDoc['parties']) ? (caseDoc['parties'] as Record<string, unknown>[]) : []
  ).map((p, i) => ({
    key: i,
    role: String(p['role'] ?? ''),
    kind: String(p['kind'] ?? ''),
    name: String(p['name'] ?? ''),
    idNumber: String(p['idNumber'] ?? ''),
    phone: String(p['phone'] ?? ''),
    queryCode: String(p['queryCode'] ?? ''),
    agents: Array.isArray(p['agents'])
      ? (p['agents'] as Record<string, unknown>[])
          .map((a) => String(a['name'] ?? ''))
          .join(t('caseWork.common.joiner'))
      : '',
  }));

  async function decide(requestId: string, decision: 'approved' | 'rejected') {
    if (!ctx) return;
    setDeciding(requestId);
    try {
      await decideExtension(ctx.repo, { requestId, caseId }, { decision });
      void message.success(t('caseWork.casePage.saved'));
    } catch (err) {
      void message.error(
        t('caseWork.casePage.saveFailed', { message: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setDeciding(null);
    }
  }

  return (
    <div className="cd-screen" data-testid={`screen-${from}`} data-case-id={caseId}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          {back}
          <Typography.Title
            level={3}
            style={{ margin: 0 }}
            data-testid="case-number"
            data-official={state.officialNumber ? 'true' : 'false'}
          >
            {state.displayNumber}
          </Typography.Title>
          {!state.officialNumber && (
            <Tag color="orange" data-testid="case-provisional">
              {t('caseWork.casePage.provisional')}
            </Tag>
          )}
          <Tag color="blue" data-testid="case-status" data-status={state.status}>
            {t(`caseWork.status.${state.status}`)}
          </Tag>
        </Flex>
        <Button icon={<PrinterOutlined />} onClick={() => setReceipt(true)} data-testid="receipt-print">
          {t('caseWork.casePage.printReceipt')}
        </Button>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Descriptions
              column={{ xs: 1, md: 2, xl: 3 }}
              size="small"
              items={[
                {
                  key: 'type',
                  label: t('caseWork.casePage.caseType'),
                  children: type ? `${type.code} · ${en ? type.nameEn : type.name}` : '—',
                },
                {
                  key: 'procedure',
                  label: t('caseWork.casePage.procedure'),
                  children: limit ? (en ? limit.nameEn : limit.name) : '—',
                },
                {
                  key: 'cause',
                  label: t('caseWork.casePage.cause'),
                  children: String(caseDoc['cause'] ?? ''),
                },
                {
                  key: 'judge',
                  label: t('caseWork.casePage.judge'),
                  children: (
                    <span data-testid="case-judge" data-user={state.judge ?? undefined}>
                      {state.judge ? <StaffName name={state.judge} /> : t('caseWork.casePage.judgeNone')}
                    </span>
                  ),
                },
                {
                  key: 'clerk',
                  label: t('caseWork.casePage.clerk'),
                  children: clerk ? <StaffName name={clerk} /> : '—',
                },
                { key: 'filed', label: t('caseWork.casePage.filingDate'), children: state.filedOn ?? '—' },
                {
                  key: 'amount',
                  label: t('caseWork.casePage.claimAmount'),
                  children:
                    typeof caseDoc['claimAmount'] === 'number'
                      ? t('caseWork.common.yuan', {
                          amount: caseDoc['claimAmount'].toLocaleString(en ? 'en' : 'zh-CN'),
                        })
                      : '—',
                },
                {
                  key: 'division',
                  label: t('caseWork.casePage.division'),
                  children: caseDoc['division']
                    ? t(`caseWork.divisions.${String(caseDoc['division'])}`, {
                        defaultValue: String(caseDoc['division']),
                      })
                    : '—',
                },
              ]}
            />
            {typeof caseDoc['summary'] === 'string' && caseDoc['summary'] && (
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} type="secondary">
                {caseDoc['summary']}
              </Typography.Paragraph>
            )}
          </Card>

          <Card title={t('caseWork.casePage.deadline')} variant="borderless" style={{ marginBottom: 16 }}>
            <DeadlineBar state={state} />
          </Card>

          <Card title={t('caseWork.casePage.parties')} variant="borderless" style={{ marginBottom: 16 }}>
            <Table<PartyRow>
              size="small"
              pagination={false}
              dataSource={parties}
              data-testid="case-parties"
              columns={[
                {
                  key: 'role',
                  title: t('caseWork.filing.role'),
                  render: (_, r) => t(`caseWork.roles.${r.role}`, { defaultValue: r.role }),
                },
                { key: 'name', title: t('caseWork.filing.name'), dataIndex: 'name' },
                { key: 'id', title: t('caseWork.filing.idNumberNatural'), dataIndex: 'idNumber' },
                { key: 'phone', title: t('caseWork.filing.phone'), dataIndex: 'phone' },
                { key: 'agents', title: t('caseWork.filing.agents'), dataIndex: 'agents' },
                {
                  key: 'code',
                  title: t('caseWork.casePage.queryCode'),
                  render: (_, r) => (
                    <Typography.Text code data-testid="party-query-code">
                      {r.queryCode}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Card>

          <Card title={t('caseWork.casePage.documents')} variant="borderless">
            <CaseDocuments caseId={caseId} />
          </Card>
        </Col>

        <Col xs={24} xl={8}>
          {(isLeader && pending.length > 0) || isAssignedJudge || canRecord ? (
            <Card title={t('caseWork.casePage.actions')} variant="borderless" style={{ marginBottom: 16 }}>
              <Flex wrap gap={8}>
                {canRecord &&
                  RECORDABLE.map((k) => (
                    <Button
                      key={k}
                      size="small"
                      onClick={() => setRecording(k)}
                      data-testid={`event-add-${k}`}
                    >
                      {t(`caseWork.events.${k}`)}
                    </Button>
                  ))}
                {isAssignedJudge && state.deadline && (
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => setRecording('extensionRequested')}
                    data-testid="extension-request-new"
                  >
                    {t('caseWork.casePage.requestExtension')}
                  </Button>
                )}
              </Flex>
            </Card>
          ) : null}

          {pending.length > 0 && (
            <Card
              title={t('caseWork.casePage.pendingExtensions')}
              variant="borderless"
              style={{ marginBottom: 16 }}
            >
              <Flex vertical gap={12}>
                {pending.map((r) => {
                  const ev = bundle.events.find((e) => e['_id'] === r.requestId);
                  const data = (ev?.['data'] ?? {}) as Record<string, unknown>;
                  return (
                    <div key={r.requestId} data-testid="extension-request" data-request-id={r.requestId}>
                      <Typography.Paragraph style={{ marginBottom: 8 }}>
                        {t('caseWork.casePage.extensionRequestText', {
                          by: staff.displayName(String(ev?.['createdBy'] ?? '')),
                          date: r.requestedAt.slice(0, 10),
                          span: t('caseWork.casePage.extensionItem', {
                            months: r.extension.months,
                            days: r.extension.days,
                          }),
                          level: t(`caseWork.levels.${r.extension.level}`),
                          reason: String(data['reason'] ?? ''),
                        })}
                      </Typography.Paragraph>
                      {isLeader && (
                        <Flex gap={8}>
                          <Button
                            type="primary"
                            size="small"
                            loading={deciding === r.requestId}
                            onClick={() => void decide(r.requestId, 'approved')}
                            data-testid="extension-approve"
                          >
                            {t('caseWork.casePage.approve')}
                          </Button>
                          <Button
                            danger
                            size="small"
                            disabled={deciding === r.requestId}
                            onClick={() => void decide(r.requestId, 'rejected')}
                            data-testid="extension-reject"
                          >
                            {t('caseWork.casePage.reject')}
                          </Button>
                        </Flex>
                      )}
                    </div>
                  );
                })}
              </Flex>
            </Card>
          )}

          <Card title={t('caseWork.casePage.timeline')} variant="borderless">
            {bundle.events.length === 0 ? (
              <Empty />
            ) : (
              <CaseTimeline
                events={bundle.events}
                state={state}
                {...(canRecord ? { onRecordOutcome: setOutcomeOf } : {})}
              />
            )}
          </Card>
        </Col>
      </Row>

      {recording && (
        <EventModal
          kind={recording}
          caseId={caseId}
          state={state}
          db={ctx.db}
          repo={ctx.repo}
          enforcement={type?.family === 'enforcement'}
          onClose={() => setRecording(null)}
        />
      )}
      {outcomeOf && (
        <EventModal
          kind="appeal"
          caseId={caseId}
          state={state}
          db={ctx.db}
          repo={ctx.repo}
          outcomeOf={outcomeOf}
          onClose={() => setOutcomeOf(null)}
        />
      )}
      {receipt && (
        <FilingReceipt
          caseDoc={caseDoc}
          officialNumber={state.officialNumber}
          judge={state.judge ? staff.displayName(state.judge) : null}
          contact={staff.displayName(clerk ?? String(caseDoc['createdBy'] ?? ''))}
          onClose={() => setReceipt(false)}
        />
      )}
    </div>
  );
}
