import {
  Alert,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInCapitals } from '../../../../core/documents/amountInCapitals';
import { FEE_KINDS } from '../../../../core/domain/feeSchedule';
import {
  calculateFee,
  formatFen,
  parseYuanToFen,
  type FeeLine,
  type FeeResult,
  type FeeRounding,
  type Halving,
} from '../../../../core/domain/fees';

const HALVINGS: readonly Halving[] = ['summary', 'mediation', 'withdrawal'];

/** Props of {@link FeeCalculator}. */
export interface FeeCalculatorProps {
  /** Large type for the kiosk's touch screen. */
  readonly large?: boolean;
}

/** The fee for the form's input, or an error code; `null` while there is nothing to compute. */
function compute(
  kind: string,
  amountText: string,
  halving: readonly Halving[],
  rounding: FeeRounding,
): FeeResult | null {
  const text = amountText.trim();
  const amountFen = text === '' ? null : parseYuanToFen(text);
  if (text !== '' && amountFen === null)
    return { ok: false, error: { code: 'invalidAmount', message: 'invalid amount' } };
  return calculateFee({ kind, amountFen, halving, rounding });
}

/**
 * 诉讼费计算 on core/domain/fees: every schedule of 《诉讼费用交纳办法》, the breakdown per band,
 * halving (第十五条、第十六条) and the amount in Chinese capitals (core/documents amountInCapitals).
 */
export function FeeCalculator({ large = false }: FeeCalculatorProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [kind, setKind] = useState('property');
  const [amount, setAmount] = useState('');
  const [halving, setHalving] = useState<Halving[]>([]);
  const [rounding, setRounding] = useState<FeeRounding>('fen');
  const rule = FEE_KINDS.find((k) => k.kind === kind);
  const halvable = rule?.halvable === true;
  const effectiveHalving = useMemo(() => (halvable ? halving : []), [halvable, halving]);
  const result = useMemo(
    () => compute(kind, amount, effectiveHalving, rounding),
    [kind, amount, effectiveHalving, rounding],
  );
  const size = large ? 'large' : 'middle';
  const q = result?.ok ? result.value : null;

  return (
    <div data-testid="fee-calculator" style={large ? { fontSize: 22 } : undefined}>
      <Typography.Title level={large ? 2 : 4}>{t('fees.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('fees.basis')}</Typography.Paragraph>
      <Form layout="vertical" size={size} style={{ maxWidth: 720 }}>
        <Form.Item label={t('fees.kind')}>
          <Select
            data-testid="fee-kind"
            value={kind}
            onChange={setKind}
            options={FEE_KINDS.map((k) => ({
              value: k.kind,
              label: t('fees.kindOption', { name: en ? k.nameEn : k.name, article: k.article }),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('fees.amount')}
          validateStatus={result && !result.ok && result.error.code === 'invalidAmount' ? 'error' : undefined}
        >
          <Input
            data-testid="fee-amount"
            inputMode="decimal"
            value={amount}
            placeholder={t('fees.amountPlaceholder')}
            onChange={(e) => setAmount(e.target.value)}
            disabled={rule?.amount === 'ignored'}
          />
        </Form.Item>
        <Form.Item label={t('fees.halving')} extra={rule?.halvable ? undefined : t('fees.halvingNotAllowed')}>
          <Checkbox.Group
            data-testid="fee-halving"
            disabled={!rule?.halvable}
            value={effectiveHalving}
            onChange={(v) => setHalving(v as Halving[])}
            options={HALVINGS.map((h) => ({ value: h, label: t(`fees.halvingOptions.${h}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('fees.rounding')}>
          <Radio.Group
            value={rounding}
            onChange={(e) => setRounding(e.target.value as FeeRounding)}
            options={(['fen', 'yuan'] as const).map((r) => ({
              value: r,
              label: t(`fees.roundingOptions.${r}`),
            }))}
          />
        </Form.Item>
      </Form>
      {result && !result.ok && (
        <Alert type="warning" title={t(`fees.errors.${result.error.code}`)} data-testid="fee-error" />
      )}
      {q && (
        <Card data-testid="fee-result" style={{ maxWidth: 880 }}>
          <Descriptions column={1} size={large ? 'default' : 'small'}>
            <Descriptions.Item label={t('fees.result')}>
              <Space direction="vertical" size={2}>
                <Typography.Text strong style={{ fontSize: large ? 36 : 24 }} data-testid="fee-total">
                  {t('fees.yuan', {
                    amount: q.isRange ? `${formatFen(q.minFen)}–${formatFen(q.maxFen)}` : formatFen(q.maxFen),
                  })}
                </Typography.Text>
                <Typography.Text data-testid="fee-capitals">
                  {q.isRange
                    ? t('fees.capitalsRange', {
                        min: amountInCapitals(q.minFen),
                        max: amountInCapitals(q.maxFen),
                      })
                    : t('fees.capitals', { text: amountInCapitals(q.maxFen) })}
                </Typography.Text>
                {q.isRange && <Typography.Text type="secondary">{t('fees.range')}</Typography.Text>}
                {q.halved && (
                  <Typography.Text type="secondary" data-testid="fee-full">
                    {t('fees.full', { amount: formatFen(q.fullMaxFen) })}
                  </Typography.Text>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('fees.article')}>{q.rule.article}</Descriptions.Item>
          </Descriptions>
          {q.lines.length > 0 && (
            <Table<FeeLine>
              data-testid="fee-lines"
              size="small"
              pagination={false}
              rowKey={(l) => l.label}
              title={() => t('fees.breakdown')}
              dataSource={[...q.lines]}
              columns={[
                { title: t('fees.part'), render: (_: unknown, l) => (en ? l.labelEn : l.label) },
                {
                  title: t('fees.base'),
                  render: (_: unknown, l) => (l.baseFen === null ? '—' : formatFen(l.baseFen)),
                },
                {
                  title: t('fees.rate'),
                  render: (_: unknown, l) =>
                    l.ratePer100k === null ? t('fees.fixed') : `${l.ratePer100k / 1000}%`,
                },
                {
                  title: t('fees.fee'),
                  render: (_: unknown, l) =>
                    l.minFen === l.maxFen
                      ? formatFen(l.maxFen)
                      : `${formatFen(l.minFen)}–${formatFen(l.maxFen)}`,
                },
              ]}
            />
          )}
          {q.notes.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {q.notes.join(' ')}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </div>
  );
}
