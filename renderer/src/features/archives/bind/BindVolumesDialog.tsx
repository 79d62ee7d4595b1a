import { Alert, Button, Form, Modal, Progress, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BindingError, SECONDARY_VOLUME_RULE } from '../../../../../core/archives/binding';
import { yearOfCaseNumber } from '../../../../../core/archives/importCsv';
import { loadBinding, writeBoundVolumes, type BindingState } from '../../../db/archiveBinding';
import { useArchiveSession } from '../model/useArchiveSession';
import { CasePicker, type PickedCase } from '../paper/CasePicker';
import { combineScansInApp } from './appCombiner';
import { ProposalList } from './ProposalList';

/**
 * 结案归档: a closed case's electronic case file becomes its volumes. The clerk picks the case,
 * reviews the proposed 正卷 and 副卷 with their catalogue and page ranges, and confirms; only then
 * are the volumes' PDFs combined from the papers' scans and the volumes written (the server checks
 * who may create them).
 */
export function BindVolumesDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useArchiveSession();
  const [picked, setPicked] = useState<PickedCase | null>(null);
  const [state, setState] = useState<BindingState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<{ done: number; of: number } | null>(null);

  const explain = (err: unknown) =>
    err instanceof BindingError
      ? t(`archives.bind.errors.${err.code}`, { detail: err.detail })
      : t('archives.bind.errors.failed', { message: (err as Error).message });

  useEffect(() => {
    let live = true;
    if (!session || !picked) return;
    loadBinding(session.db, picked.caseUuid).then(
      (s) => live && setState(s),
      (err: unknown) => live && setError(explain(err)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the case changes
  }, [session, picked]);

  const pick = (c: PickedCase | null) => {
    setPicked(c);
    setState(null);
    setError(null);
  };
  const close = () => {
    if (step) return; // never leave a binding half-way from the dialog
    pick(null);
    onClose();
  };
  const todo = state ? state.proposal.filter((v) => !state.boundIds.includes(v.id)) : [];
  const ready = todo.length > 0;
  const confirm = async () => {
    if (!session || !picked || !state) return;
    setError(null);
    setStep({ done: 0, of: todo.length });
    try {
      await writeBoundVolumes(
        session.engine,
        session.repo,
        session.user,
        {
          caseUuid: picked.caseUuid,
          caseNumber: picked.caseNumber,
          year: yearOfCaseNumber(picked.caseNumber) ?? new Date().getFullYear(),
          parties: picked.parties.length > 0 ? picked.parties : [picked.caseNumber],
        },
        state.proposal,
        combineScansInApp,
        (done, of) => setStep({ done, of }),
      );
      void message.success(t('archives.bind.done', { count: todo.length }));
      setStep(null);
      close();
    } catch (err) {
      setStep(null);
      setError(explain(err));
    }
  };
  return (
    <Modal
      open={open}
      title={t('archives.bind.title')}
      onCancel={close}
      width={820}
      destroyOnHidden
      footer={
        <Button
          type="primary"
          disabled={!ready}
          loading={step !== null}
          onClick={() => void confirm()}
          data-testid="bind-confirm"
        >
          {t('archives.bind.confirm')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="bind-dialog">
        <Form.Item label={t('archives.bind.case')} required style={{ marginBottom: 0 }}>
          <CasePicker onPick={pick} closedOnly testId="bind-case" />
        </Form.Item>
        <Typography.Text type="secondary">
          {t('archives.bind.rule', { source: SECONDARY_VOLUME_RULE.source })}
        </Typography.Text>
        {state && state.papers.length === 0 && (
          <Alert type="info" showIcon title={t('archives.bind.noPapers')} />
        )}
        {state && state.boundIds.length > 0 && (
          <Alert
            type={ready ? 'warning' : 'info'}
            showIcon
            title={t(ready ? 'archives.bind.partlyBound' : 'archives.bind.alreadyBound', {
              count: state.boundIds.length,
            })}
          />
        )}
        {ready && state && (
          <>
            <Typography.Text>{t('archives.bind.review', { papers: state.papers.length })}</Typography.Text>
            <ProposalList proposal={state.proposal} boundIds={state.boundIds} />
          </>
        )}
        {step && <Progress percent={Math.round((step.done / Math.max(1, step.of)) * 100)} />}
        {error && <Alert type="error" showIcon title={error} data-testid="bind-error" />}
      </Space>
    </Modal>
  );
}
