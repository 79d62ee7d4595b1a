import { useMemo, useState } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENFORCEMENT_CASE_TYPES } from '../../../../../core/enforcement/closing';
import { enforcementParties, FIRST_ENFORCEMENT } from '../../../../../core/enforcement/filing';
import type { CaseCatalog } from '../../cases/model/catalogTypes';
import { fileCase } from '../../cases/model/commands';
import { useCasesRepo } from '../../cases/work/caseWorkHooks';
import { useWrite } from '../model/useWrite';

interface FilingValues {
  readonly sourceCaseId: string;
  readonly sourceDocument: string;
  readonly amount: number;
  readonly filingDate: string;
  readonly swap?: boolean;
}

/**
 * 执行立案 from an effective judgment (clerks): the source case gives the parties (claimant side
 * applies), the cause and the link back; the clerk names the document enforced and the amount.
 * The case gets its 执 number from the server worker like any filing.
 */
export function FileEnforcementModal({
  open,
  catalog,
  version,
  today,
  onClose,
}: {
  readonly open: boolean;
  readonly catalog: CaseCatalog | null;
  /** The catalog's change counter: the choice of source cases follows it. */
  readonly version: number;
  readonly today: string;
  readonly onClose: (caseId?: string) => void;
}) {
  const { t } = useTranslation();
  const run = useWrite();
  const cases = useCasesRepo();
  const [form] = Form.useForm<FilingValues>();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [swap, setSwap] = useState(false);
  const sources = useMemo(
    () =>
      (
        catalog?.query({ sort: { field: 'filingDate', dir: 'desc' }, offset: 0, limit: 2_000 }).rows ?? []
      ).filter((c) => !ENFORCEMENT_CASE_TYPES.includes(c.caseType)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version says the catalog changed
    [catalog, version],
  );
  const source = sources.find((c) => c.id === sourceId);
  const parties = source ? enforcementParties(source.parties, swap) : [];
  const names = (role: string) =>
    parties
      .filter((p) => p.role === role)
      .map((p) => p.name)
      .join(t('enforcement.common.separator'));
  return (
    <Modal
      open={open}
      title={t('enforcement.filing.title')}
      onCancel={() => onClose()}
      okText={t('enforcement.common.save')}
      okButtonProps={{ id: 'enforcement-filing-save' }}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then(async (v) => {
          if (!cases || !source) return;
          let filed = '';
          const ok = await run(async () => {
            const r = await fileCase(cases.repo, {
              ...FIRST_ENFORCEMENT,
              cause: source.cause,
              filingDate: v.filingDate,
              claimAmount: v.amount,
              parties,
              sourceCaseId: source.id,
              sourceDocument: v.sourceDocument,
            });
            filed = r.caseId;
          });
          if (ok) onClose(filed);
        })
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ filingDate: today }}
        onValuesChange={(c: Partial<FilingValues>) => {
          if (c.sourceCaseId) setSourceId(c.sourceCaseId);
          if (c.swap !== undefined) setSwap(c.swap);
        }}
      >
        <Form.Item name="sourceCaseId" label={t('enforcement.page.sourceCase')} rules={[{ required: true }]}>
          <Select
            data-testid="enforcement-filing-source"
            showSearch
            optionFilterProp="label"
            options={sources.map((c) => ({ value: c.id, label: `${c.displayNumber} ${c.cause}` }))}
          />
        </Form.Item>
        <Form.Item name="swap" valuePropName="checked">
          <Checkbox>{t('enforcement.filing.swap')}</Checkbox>
        </Form.Item>
        {source && (
          <Typography.Paragraph data-testid="enforcement-filing-parties">
            {t('enforcement.filing.parties', { applicant: names('creditor'), respondent: names('debtor') })}
          </Typography.Paragraph>
        )}
        <Form.Item name="sourceDocument" label={t('enforcement.page.source')} rules={[{ required: true }]}>
          <Input
            placeholder={t('enforcement.filing.sourcePlaceholder')}
            data-testid="enforcement-filing-document"
          />
        </Form.Item>
        <Form.Item name="amount" label={t('enforcement.page.amount')} rules={[{ required: true }]}>
          <InputNumber
            min={0.01}
            precision={2}
            style={{ width: '100%' }}
            data-testid="enforcement-filing-amount"
          />
        </Form.Item>
        <Form.Item name="filingDate" label={t('enforcement.list.filingDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
