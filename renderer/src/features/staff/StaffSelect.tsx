import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffDirectory } from './useStaffDirectory';

/** Props of {@link StaffSelect} (`value`/`onChange` are filled in by an antd `Form.Item`). */
export interface StaffSelectProps {
  /** Only staff holding this role, and not disabled, are offered. */
  readonly role: string;
  readonly value?: string;
  readonly onChange?: (name: string | undefined) => void;
  readonly testId?: string;
}

/**
 * Picks a staff member by display name (赵志刚（审判员）) and stores the user name (`judge.zhao`),
 * from the staff directory. A stored name the directory does not list (not synced yet, or
 * disabled since) stays selectable under the name the directory gives it.
 */
export function StaffSelect({ role, value, onChange, testId }: StaffSelectProps) {
  const { t } = useTranslation();
  const directory = useStaffDirectory();
  const options = [...directory.entries.values()]
    .filter((e) => e.roles.includes(role) && !e.disabled)
    .map((e) => ({
      value: e.name,
      label: e.title ? t('staff.withTitle', { name: e.displayName, title: e.title }) : e.displayName,
    }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: directory.displayName(value) });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      filterOption={(input, option) =>
        `${String(option?.label ?? '')} ${String(option?.value ?? '')}`
          .toLowerCase()
          .includes(input.toLowerCase())
      }
      data-testid={testId}
    />
  );
}
