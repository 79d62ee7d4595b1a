import { useMemo, useState } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DISHONEST_GROUNDS,
  REMOVAL_REASONS,
  type DishonestEntry,
  type DishonestGround,
  type RemovalReason,
} from '../../../../../core/enforcement/dishonest';
import type { CaseSummary } from '../../cases/model/catalogTypes';

/** What the listing form produces (the entry without id and approval). */
export type ListingValues = Omit<DishonestEntry, '_id' | 'approval' | 'publishedOn' | 'removal'>;

interface ListingForm {
  readonly caseId: string;
  readonly respondent: number;
  readonly ground: DishonestGround;
  readonly listedOn: string;
  readonly extendYears?: number;
  readonly facts: string;
  readonly obligation?: string;
}

/** Proposes a listing: an enforcement case, one of its respondents, the ground and the facts. */
export function ListingModal({
  open,
  cases,
  today,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean;
  readonly cases: readonly CaseSummary[];
  readonly today: string;
  readonly onCancel: () => void;
  readonly onSubmit: (values: ListingValues) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ListingForm>();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [ground, setGround] = useState<DishonestGround>('ableButRefuses');
  const chosen = cases.find((c) => c.id === caseId);
  const respondents = useMemo(
    () => (chosen?.parties ?? []).filter((p) => p.role === 'debtor' && p.idNumber),
    [chosen],
  );
  return (
    <Modal
      open={open}
      title={t('enforcement.debtors.add')}
      onCancel={onCancel}
      okText={t('enforcement.common.save')}
      okButtonProps={{ id: 'listing-save' }}
      destroyOnHidden
      onOk={() =>
        void form.validateFields().then((v) => {
          const p = respondents[v.respondent];
          if (!chosen || !p?.idNumber) return;
          void onSubmit({
            caseId: chosen.id,
            caseNumber: chosen.displayNumber,
            respondent: { name: p.name, kind: p.kind, idNumber: p.idNumber },
            ground: v.ground,
            listedOn: v.listedOn,
            ...(v.extendYears ? { extendYears: v.extendYears } : {}),
            facts: v.facts,
            ...(v.obligation ? { obligation: v.obligation } : {}),
          });
        })
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ground: 'ableButRefuses', listedOn: today, respondent: 0 }}
        onValuesChange={(c: Partial<ListingForm>) => {
          if (c.caseId) setCaseId(c.caseId);
          if (c.ground) setGround(c.ground);
        }}
      >
        <Form.Item name="caseId" label={t('enforcement.debtors.case')} rules={[{ required: true }]}>
          <Select
            data-testid="listing-case"
            showSearch
            optionFilterProp="label"
            options={cases.map((c) => ({ value: c.id, label: c.displayNumber }))}
          />
        </Form.Item>
        <Form.Item name="respondent" label={t('enforcement.debtors.name')} rules={[{ required: true }]}>
          <Select options={respondents.map((p, i) => ({ value: i, label: p.name }))} />
        </Form.Item>
        <Form.Item name="ground" label={t('enforcement.debtors.ground')} rules={[{ required: true }]}>
          <Select
            options={DISHONEST_GROUNDS.map((g) => ({
              value: g,
              label: t(`enforcement.debtors.grounds.${g}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="listedOn" label={t('enforcement.debtors.listedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        {ground !== 'ableButRefuses' && (
          <Form.Item name="extendYears" label={t('enforcement.debtors.extendYears')}>
            <InputNumber min={1} max={3} precision={0} />
          </Form.Item>
        )}
        <Form.Item name="facts" label={t('enforcement.debtors.facts')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="listing-facts" />
        </Form.Item>
        <Form.Item name="obligation" label={t('enforcement.debtors.obligation')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Removes a listing with its reason and an explanation. */
export function RemovalModal({
  open,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean;
  readonly onCancel: () => void;
  readonly onSubmit: (values: { reason: RemovalReason; note: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: RemovalReason; note: string }>();
  return (
    <Modal
      open={open}
      title={t('enforcement.debtors.removal')}
      onCancel={onCancel}
      okText={t('enforcement.common.save')}
      okButtonProps={{ id: 'removal-save' }}
      destroyOnHidden
      onOk={() => void form.validateFields().then(onSubmit)}
    >
      <Form form={form} layout="vertical" initialValues={{ reason: 'performed' }}>
        <Form.Item name="reason" label={t('enforcement.debtors.removalReason')} rules={[{ required: true }]}>
          <Select
            options={REMOVAL_REASONS.map((r) => ({ value: r, label: t(`enforcement.debtors.reasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('enforcement.debtors.removalNote')}
          rules={[{ required: true, min: 2 }]}
        >
          <Input.TextArea rows={2} data-testid="removal-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
