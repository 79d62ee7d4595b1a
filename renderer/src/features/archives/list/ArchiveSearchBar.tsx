import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchiveQuery } from '../model/archiveTypes';

interface Values {
  caseNumber?: string;
  party?: string;
  year?: number | null;
}

/** Search by case number, party and year (all optional; every given field must match). */
export function ArchiveSearchBar({ onSearch }: { readonly onSearch: (q: ArchiveQuery) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    onSearch({
      ...(v.caseNumber ? { caseNumber: v.caseNumber } : {}),
      ...(v.party ? { party: v.party } : {}),
      ...(v.year ? { year: v.year } : {}),
    });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      className="cd-archive-search"
      data-testid="archive-search"
    >
      <Form.Item name="caseNumber" label={t('archives.search.caseNumber')}>
        <Input allowClear data-testid="archive-search-case" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="party" label={t('archives.search.party')}>
        <Input allowClear data-testid="archive-search-party" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="year" label={t('archives.search.year')}>
        <InputNumber min={1949} max={2100} data-testid="archive-search-year" style={{ width: 100 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="archive-search-submit">
          {t('archives.search.submit')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('archives.search.reset')}
        </Button>
      </Space>
    </Form>
  );
}
