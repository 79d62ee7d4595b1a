import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VISIT_MINUTES } from '../../../../../core/schemas/readingVisit';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';
import { useCaseDoc, useVisitCommands } from '../model/readingVisits';
import { admitProblem, readerCandidates, type VisitRow } from '../model/visitModel';

const ACCOUNT_KEY = 'courtdesk.reading.lastAccount';

interface FormValues {
  reader?: string;
  idNumber?: string;
  readerAccount?: string;
  allowPrint?: boolean;
  minutes?: number;
}

/**
 * 阅卷登记: pick the case, the party or agent reading it (from the case record), check their ID
 * number (checksum; a party's own number on file must match), choose the reading PC, printing and
 * the duration. The server refuses what this form refuses (courtdesk_cases validate_doc_update).
 */
export function AdmitVisitForm({ visits }: { readonly visits: readonly VisitRow[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { catalog, version } = useCaseCatalog();
  const commands = useVisitCommands();
  const [search, setSearch] = useState('');
  const [caseId, setCaseId] = useState<string | null>(null);
  const caseDoc = useCaseDoc(caseId);
  const candidates = useMemo(() => readerCandidates(caseDoc), [caseDoc]);
  const options = useMemo(() => {
    if (!catalog) return [];
    const rows = catalog.query({
      search,
      sort: { field: 'filingDate', dir: 'desc' },
      offset: 0,
      limit: 20,
    }).rows;
    return rows.map((r) => ({
      value: r.id,
      label: `${r.displayNumber} ${r.parties.map((p) => p.name).join(t('reading.admit.separator'))}`,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks catalog changes
  }, [catalog, search, version, t]);

  const submit = async (values: FormValues) => {
    const candidate = candidates.find((c) => c.key === values.reader);
    const summary = caseId ? catalog?.get(caseId) : undefined;
    if (!caseId || !summary || !candidate) return;
    const account = (values.readerAccount ?? '').trim();
    if (
      visits.some(
        (v) => v.readerAccount === account && (v.state === 'open' || v.state === 'waiting') && !v.closedAt,
      )
    ) {
      void message.error(t('reading.errors.busy'));
      return;
    }
    const input = {
      caseId,
      caseNumber: summary.displayNumber,
      candidate,
      idNumber: values.idNumber ?? '',
      readerAccount: account,
      allowPrint: values.allowPrint === true,
      minutes: values.minutes ?? 0,
    };
    const problem = admitProblem(input);
    if (problem) {
      void message.error(t(`reading.errors.${problem}`, { max: MAX_VISIT_MINUTES }));
      return;
    }
    try {
      await commands?.admit(input);
      window.localStorage.setItem(ACCOUNT_KEY, account);
      void message.success(t('reading.admit.done', { name: candidate.name }));
      form.resetFields(['reader', 'idNumber']);
    } catch (err) {
      void message.error(t('reading.errors.write', { message: (err as Error).message }));
    }
  };

  return (
    <Card title={t('reading.admit.title')} data-testid="reading-admit">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          minutes: 60,
          allowPrint: false,
          readerAccount: window.localStorage.getItem(ACCOUNT_KEY) ?? '',
        }}
      >
        <Form.Item label={t('reading.admit.case')} required>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            value={caseId ?? undefined}
            onChange={(v: string) => {
              setCaseId(v);
              form.resetFields(['reader']);
            }}
            options={options}
            placeholder={t('reading.admit.casePlaceholder')}
            data-testid="reading-case"
          />
        </Form.Item>
        <Form.Item
          name="reader"
          label={t('reading.admit.reader')}
          rules={[{ required: true, message: t('reading.errors.reader') }]}
        >
          <Select
            data-testid="reading-reader"
            disabled={candidates.length === 0}
            options={candidates.map((c) => ({
              value: c.key,
              label:
                c.capacity === 'party'
                  ? t('reading.admit.party', { name: c.name })
                  : t('reading.admit.agent', { name: c.name, party: c.partyName }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('reading.admit.idNumber')}
          rules={[{ required: true, message: t('reading.errors.idChecksum') }]}
        >
          <Input maxLength={18} data-testid="reading-id" />
        </Form.Item>
        <Form.Item
          name="readerAccount"
          label={t('reading.admit.account')}
          rules={[{ required: true, message: t('reading.errors.account') }]}
        >
          <Input data-testid="reading-account" />
        </Form.Item>
        <Form.Item name="minutes" label={t('reading.admit.minutes')}>
          <InputNumber min={1} max={MAX_VISIT_MINUTES} data-testid="reading-minutes" />
        </Form.Item>
        <Form.Item name="allowPrint" valuePropName="checked">
          <Checkbox data-testid="reading-allow-print">{t('reading.admit.allowPrint')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!commands} data-testid="reading-admit-submit">
          {t('reading.admit.submit')}
        </Button>
      </Form>
    </Card>
  );
}
