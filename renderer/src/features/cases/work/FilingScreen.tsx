import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { causesForType } from '../../../../../core/domain/causes';
import { caseTypeByCode } from '../../../../../core/domain/courtReference';
import { procedureLimit } from '../../../../../core/domain/timeLimits';
import { AGENT_KINDS, CASE_TYPE_CODES, type CaseFields } from '../../../../../core/schemas/case';
import { PageHeader } from '../../../app/layout/PageHeader';
import { hrefWith } from '../../../app/router';
import { fileCase, type FiledCase, type FilingParty } from '../model/commands';
import { useCasesRepo, useSession, todayInBeijing } from './caseWorkHooks';
import { feeAmountText, filingFee } from './filingFee';
import FilingReceipt from './FilingReceipt';
import { DIVISIONS_BY_FAMILY, rolesForType, validatePartyId } from './filingRules';
import { useDuplicateParties } from './useDuplicateParties';
import { useStaffDirectory } from '../../staff/useStaffDirectory';

type TypeCode = CaseFields['caseType'];

interface PartyValues {
  role?: string;
  kind?: 'natural' | 'legal';
  name?: string;
  idNumber?: string;
  legalRepresentative?: string;
  phone?: string;
  address?: string;
  agents?: { name?: string; kind?: string; licenseNo?: string; phone?: string }[];
}

interface FilingValues {
  caseType: TypeCode;
  procedure?: string;
  cause?: string;
  division?: string;
  filingDate: Dayjs;
  claimAmount?: number | null;
  summary?: string;
  parties: PartyValues[];
}

/** The type a new filing starts with (the first of the list: civil first instance). */
const DEFAULT_TYPE: TypeCode = CASE_TYPE_CODES[0];

function initialValues(): FilingValues {
  const roles = rolesForType(DEFAULT_TYPE);
  return {
    caseType: DEFAULT_TYPE,
    procedure: caseTypeByCode(DEFAULT_TYPE)?.procedures[0],
    filingDate: dayjs(todayInBeijing()),
    parties: [
      { role: roles[0], kind: 'natural' },
      { role: roles[1] ?? roles[0], kind: 'natural' },
    ],
  };
}

function toParty(p: PartyValues): FilingParty {
  const agents = (p.agents ?? [])
    .filter((a) => a.name && a.name.trim())
    .map((a) => ({
      name: (a.name ?? '').trim(),
      ...(a.kind ? { kind: a.kind as (typeof AGENT_KINDS)[number] } : {}),
      ...(a.licenseNo ? { licenseNo: a.licenseNo } : {}),
      ...(a.phone ? { phone: a.phone } : {}),
    }));
  return {
    role: p.role as FilingParty['role'],
    kind: p.kind ?? 'natural',
    name: (p.name ?? '').trim(),
    ...(p.idNumber ? { idNumber: p.idNumber } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.address ? { address: p.address } : {}),
    ...(p.kind === 'legal' && p.legalRepresentative ? { legalRepresentative: p.legalRepresentative } : {}),
    ...(agents.length > 0 ? { agents } : {}),
  };
}

/**
 * Filing (立案, docs/product-rules.md §4.1): the form, fully offline; the result with the provisional number
 * and receipt.
 */
export default function FilingScreen() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const ctx = useCasesRepo();
  const session = useSession();
  const staff = useStaffDirectory();
  const [form] = Form.useForm<FilingValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<FiledCase | null>(null);
  const [receiptOpen, setReceiptOpen] = useState(false);

  const caseType = (Form.useWatch('caseType', form) ?? DEFAULT_TYPE) as TypeCode;
  const procedure = Form.useWatch('procedure', form) as string | undefined;
  const cause = Form.useWatch('cause', form) as string | undefined;
  const claimAmount = Form.useWatch('claimAmount', form) as number | null | undefined;
  const parties = (Form.useWatch('parties', form) ?? []) as PartyValues[];
  const type = caseTypeByCode(caseType);
  const roles = rolesForType(caseType);
  const fee = filingFee({ caseType, procedure, cause, claimAmount });
  const duplicates = useDuplicateParties(
    parties.map((p) => ({ name: p?.name ?? '', ...(p?.idNumber ? { idNumber: p.idNumber } : {}) })),
  );

  const typeOptions = useMemo(
    () =>
      CASE_TYPE_CODES.map((code) => {
        const ct = caseTypeByCode(code);
        return { value: code, label: `${code} · ${(en ? ct?.nameEn : ct?.name) ?? code}` };
      }),
    [en],
  );
  const causeOptions = useMemo(
    () =>
      causesForType(caseType).map((c) => ({ value: c.name, label: en ? `${c.nameEn} (${c.name})` : c.name })),
    [caseType, en],
  );
  const divisionOptions = (DIVISIONS_BY_FAMILY[type?.family ?? 'other'] ?? []).map((d) => ({
    value: d,
    label: t(`caseWork.divisions.${d}`),
  }));

  function onValuesChange(changed: Partial<FilingValues>) {
    if (!changed.caseType) return;
    const next = caseTypeByCode(changed.caseType);
    const nextRoles = rolesForType(changed.caseType);
    const current = (form.getFieldValue('parties') ?? []) as PartyValues[];
    form.setFieldsValue({
      procedure: next?.procedures[0],
      cause: undefined,
      division: undefined,
      parties: current.map((p, i) => ({
        ...p,
        role:
          p.role && nextRoles.includes(p.role)
            ? p.role
            : (nextRoles[Math.min(i, nextRoles.length - 1)] ?? ''),
      })),
    });
  }

  async function onFinish(values: FilingValues) {
    if (!ctx) return;
    setSaving(true);
    setError(null);
    try {
      const filed = await fileCase(ctx.repo, {
        caseType: values.caseType,
        ...(values.procedure ? { procedure: values.procedure } : {}),
        cause: values.cause ?? '',
        ...(values.division ? { division: values.division } : {}),
        filingDate: values.filingDate.format('YYYY-MM-DD'),
        claimAmount: typeof values.claimAmount === 'number' ? values.claimAmount : null,
        ...(values.summary ? { summary: values.summary } : {}),
        parties: values.parties.map(toParty),
      });
      setResult(filed);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  if (result) {
    const href = hrefWith('cases-list', { case: result.caseId });
    return (
      <div className="cd-screen" data-testid="screen-cases-filing">
        <PageHeader moduleKey="cases-filing" />
        <Card variant="borderless">
          <Result
            status="success"
            data-testid="filing-result"
            title={t('caseWork.filing.resultTitle')}
            subTitle={t('caseWork.filing.resultSub')}
            extra={
              <Flex vertical align="center" gap={16}>
                <Typography.Title level={3} data-testid="filing-number" copyable>
                  {result.provisionalNumber}
                </Typography.Title>
                <Flex gap={8} wrap>
                  <Button type="primary" href={href} data-testid="filing-open-case">
                    {t('caseWork.filing.openCase')}
                  </Button>
                  <Button
                    icon={<PrinterOutlined />}
                    onClick={() => setReceiptOpen(true)}
                    data-testid="receipt-print"
                  >
                    {t('caseWork.filing.printReceipt')}
                  </Button>
                  <Button
                    onClick={() => {
                      setResult(null);
                      form.resetFields();
                    }}
                    data-testid="filing-again"
                  >
                    {t('caseWork.filing.fileAnother')}
                  </Button>
                </Flex>
              </Flex>
            }
          />
        </Card>
        {receiptOpen && (
          <FilingReceipt
            caseDoc={result.caseDoc}
            officialNumber={null}
            judge={null}
            contact={staff.displayName(session?.name ?? '')}
            onClose={() => setReceiptOpen(false)}
          />
        )}
      </div>
    );
  }

  const feeText =
    fee.kind === 'quote'
      ? `${t('caseWork.common.yuan', { amount: feeAmountText(fee.quote) })}${fee.quote.halved ? t('caseWork.filing.feeHalved') : ''}`
      : fee.kind === 'none'
        ? t('caseWork.filing.feeNone')
        : t('caseWork.filing.feeError', { message: fee.message });

  return (
    <div className="cd-screen" data-testid="screen-cases-filing">
      <PageHeader moduleKey="cases-filing" />
      <Form<FilingValues>
        form={form}
        layout="vertical"
        initialValues={initialValues()}
        onValuesChange={onValuesChange}
        onFinish={(v) => void onFinish(v)}
        data-testid="filing-form"
        scrollToFirstError
      >
        <Alert type="info" showIcon title={t('caseWork.filing.intro')} style={{ marginBottom: 16 }} />
        <Card title={t('caseWork.filing.sectionCase')} variant="borderless" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="caseType" label={t('caseWork.filing.caseType')} rules={[{ required: true }]}>
                <Select options={typeOptions} data-testid="filing-caseType" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="procedure" label={t('caseWork.filing.procedure')}>
                <Select
                  data-testid="filing-procedure"
                  disabled={(type?.procedures.length ?? 0) === 0}
                  placeholder={t('caseWork.filing.procedureNone')}
                  options={(type?.procedures ?? []).map((p) => {
                    const limit = procedureLimit(p);
                    return { value: p, label: (en ? limit?.nameEn : limit?.name) ?? p };
                  })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="cause"
                label={t('caseWork.filing.cause')}
                rules={[
                  {
                    required: true,
                    message: t('caseWork.filing.required', { field: t('caseWork.filing.cause') }),
                  },
                ]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={causeOptions}
                  placeholder={t('caseWork.filing.causePlaceholder')}
                  data-testid="filing-cause"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="division" label={t('caseWork.filing.division')}>
                <Select
                  allowClear
                  options={divisionOptions}
                  placeholder={t('caseWork.filing.divisionPlaceholder')}
                  data-testid="filing-division"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="filingDate"
                label={t('caseWork.filing.filingDate')}
                rules={[{ required: true }]}
              >
                <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="filing-date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="claimAmount"
                label={t('caseWork.filing.claimAmount')}
                extra={t('caseWork.filing.claimAmountHelp')}
              >
                <InputNumber<number>
                  min={0}
                  precision={2}
                  style={{ width: '100%' }}
                  data-testid="filing-claimAmount"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Typography.Paragraph
                data-testid="filing-fee"
                data-fee={fee.kind === 'quote' ? fee.quote.maxFen : ''}
              >
                <Typography.Text strong>{t('caseWork.filing.fee')}</Typography.Text>
                {feeText}
              </Typography.Paragraph>
            </Col>
            <Col xs={24}>
              <Form.Item name="summary" label={t('caseWork.filing.summary')}>
                <Input.TextArea rows={3} maxLength={20_000} data-testid="filing-summary" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('caseWork.filing.sectionParties')} variant="borderless" style={{ marginBottom: 16 }}>
          <Form.List
            name="parties"
            rules={[
              {
                validator: async (_, value: unknown[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(t('caseWork.filing.needParty'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <PartyFields
                    key={field.key}
                    name={field.name}
                    index={index}
                    roles={roles}
                    onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                  />
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ role: roles[Math.min(fields.length, roles.length - 1)], kind: 'natural' })
                  }
                  data-testid="party-add"
                >
                  {t('caseWork.filing.addParty')}
                </Button>
              </>
            )}
          </Form.List>
          {duplicates.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="filing-duplicates"
              title={t('caseWork.filing.duplicates')}
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {duplicates.map((d) => (
                    <li key={`${d.caseId}-${d.partyName}-${d.matchedBy}`} data-testid="filing-duplicate">
                      <a href={hrefWith('cases-list', { case: d.caseId })}>{d.displayNumber}</a> —{' '}
                      {d.partyName}
                      {d.idNumber ? ` (${d.idNumber})` : ''} · {t(`caseWork.filing.matchedBy_${d.matchedBy}`)}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>

        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('caseWork.filing.failed', { message: error })}
            data-testid="filing-error"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={saving}
          disabled={!ctx}
          data-testid="filing-submit"
        >
          {ctx ? t('caseWork.filing.submit') : t('caseWork.common.engineStarting')}
        </Button>
      </Form>
    </div>
  );
}

/** One party's fields (role, kind, name, checked ID, representative, contacts, agents). */
function PartyFields({
  name,
  index,
  roles,
  onRemove,
}: {
  readonly name: number;
  readonly index: number;
  readonly roles: readonly string[];
  readonly onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FilingValues>();
  const kind = (Form.useWatch(['parties', name, 'kind'], form) ?? 'natural') as 'natural' | 'legal';
  return (
    <Card
      size="small"
      type="inner"
      title={t('caseWork.filing.party', { n: index + 1 })}
      style={{ marginBottom: 12 }}
      data-testid={`party-${index}`}
      extra={
        onRemove && (
          <Button
            type="link"
            danger
            icon={<MinusCircleOutlined />}
            onClick={onRemove}
            data-testid={`party-remove-${index}`}
          >
            {t('caseWork.filing.removeParty')}
          </Button>
        )
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name={[name, 'role']} label={t('caseWork.filing.role')} rules={[{ required: true }]}>
            <Select
              options={roles.map((r) => ({ value: r, label: t(`caseWork.roles.${r}`) }))}
              data-testid={`party-role-${index}`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={[name, 'kind']} label={t('caseWork.filing.kind')}>
            <Radio.Group data-testid={`party-kind-${index}`}>
              <Radio value="natural">{t('caseWork.filing.kindNatural')}</Radio>
              <Radio value="legal" data-testid={`party-kind-legal-${index}`}>
                {t('caseWork.filing.kindLegal')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[name, 'name']}
            label={t('caseWork.filing.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('caseWork.filing.required', { field: t('caseWork.filing.name') }),
              },
            ]}
          >
            <Input maxLength={200} data-testid={`party-name-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[name, 'idNumber']}
            label={
              kind === 'legal' ? t('caseWork.filing.idNumberLegal') : t('caseWork.filing.idNumberNatural')
            }
            dependencies={[['parties', name, 'kind']]}
            validateTrigger={['onBlur', 'onChange']}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const problem = validatePartyId(kind, value ?? '', todayInBeijing());
                  if (problem)
                    throw new Error(t(`caseWork.filing.idErrors.${problem.code}`, { count: problem.length }));
                },
              },
            ]}
          >
            <Input maxLength={18} data-testid={`party-idNumber-${index}`} />
          </Form.Item>
        </Col>
        {kind === 'legal' && (
          <Col xs={24} md={8}>
            <Form.Item name={[name, 'legalRepresentative']} label={t('caseWork.filing.legalRepresentative')}>
              <Input maxLength={200} data-testid={`party-legalRepresentative-${index}`} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'phone']} label={t('caseWork.filing.phone')}>
            <Input maxLength={32} data-testid={`party-phone-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={kind === 'legal' ? 24 : 8}>
          <Form.Item name={[name, 'address']} label={t('caseWork.filing.address')}>
            <Input maxLength={500} data-testid={`party-address-${index}`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name={[name, 'agents']}>
        {(agents, { add, remove }) => (
          <>
            {agents.map((a) => (
              <Row gutter={12} key={a.key} align="bottom">
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[a.name, 'name']}
                    label={t('caseWork.filing.agentName')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[a.name, 'kind']} label={t('caseWork.filing.agentKind')}>
                    <Select
                      allowClear
                      options={AGENT_KINDS.map((k) => ({ value: k, label: t(`caseWork.agentKinds.${k}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[a.name, 'licenseNo']} label={t('caseWork.filing.licenseNo')}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[a.name, 'phone']} label={t('caseWork.filing.phone')}>
                    <Input maxLength={32} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={2}>
                  <Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(a.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              data-testid={`agent-add-${index}`}
            >
              {t('caseWork.filing.addAgent')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
