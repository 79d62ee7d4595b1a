import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';

/** The case a paper is filed into. */
export interface PickedCase {
  readonly caseUuid: string;
  readonly caseNumber: string;
  readonly parties: readonly string[];
}

/**
 * Finds a case by number or party in the local case catalog (no query per keystroke on the
 * database); `closedOnly` offers only closed (结案) cases, for binding into volumes.
 */
export function CasePicker({
  onPick,
  closedOnly = false,
  testId = 'paper-case',
}: {
  readonly onPick: (c: PickedCase | null) => void;
  readonly closedOnly?: boolean;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  const { catalog, version } = useCaseCatalog();
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    if (!catalog || search.trim() === '') return [];
    return catalog
      .query({
        search,
        ...(closedOnly ? { statuses: ['closed' as const] } : {}),
        sort: { field: 'displayNumber', dir: 'asc' },
        offset: 0,
        limit: 20,
      })
      .rows.map((c) => ({
        value: c.id,
        number: c.displayNumber,
        parties: c.parties.map((p) => p.name),
        label: `${c.displayNumber} ${c.parties.map((p) => p.name).join(t('archives.listSeparator'))}`,
      }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes when the catalog does
  }, [catalog, search, version, closedOnly, t]);
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      placeholder={t('archives.paper.casePlaceholder')}
      options={options}
      loading={!catalog}
      onChange={(v: string | undefined) => {
        const o = options.find((x) => x.value === v);
        onPick(
          o ? { caseUuid: o.value.slice('case:'.length), caseNumber: o.number, parties: o.parties } : null,
        );
      }}
      data-testid={testId}
    />
  );
}
