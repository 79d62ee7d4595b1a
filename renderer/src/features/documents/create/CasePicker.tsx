import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseCatalog } from '../../cases/model/useCaseCatalog';

/** How many cases the picker lists at once (search narrows them). */
const SHOWN = 50;

/**
 * Chooses the case a new document is for, from the case catalog: the user's own cases (judge,
 * assistant or clerk of), newest first, searchable by case number or party name.
 */
export function CasePicker({
  user,
  value,
  onChange,
}: {
  readonly user: string;
  readonly value: string | null;
  readonly onChange: (caseId: string) => void;
}) {
  const { t } = useTranslation();
  const { catalog, version } = useCaseCatalog();
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    if (!catalog) return [];
    const { rows } = catalog.query({
      staff: user,
      ...(search.trim() ? { search: search.trim() } : {}),
      sort: { field: 'filingDate', dir: 'desc' },
      offset: 0,
      limit: SHOWN,
    });
    return rows.map((c) => ({ value: c.id, label: `${c.displayNumber} ${c.cause}` }));
    // `version` changes whenever the catalog does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog, version, user, search]);
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={!catalog}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('documents.create.casePlaceholder')}
      notFoundContent={t('documents.create.noCases')}
      data-testid="case-select"
    />
  );
}
