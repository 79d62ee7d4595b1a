import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffDirectory } from './useStaffDirectory';

/**
 * A staff member's display name (赵志刚) for a stored user name (`judge.zhao`), with the user name,
 * title and a "disabled" note in a tooltip. Shows the user name until the directory has synced.
 * `data-user` carries the user name for tests.
 */
export function StaffName({ name }: { readonly name: string }) {
  const { t } = useTranslation();
  const entry = useStaffDirectory().entry(name);
  if (!entry) return <span data-user={name}>{name}</span>;
  const tip = [
    t('staff.userName', { name }),
    entry.title ?? '',
    entry.disabled ? t('staff.disabled') : '',
  ].filter(Boolean);
  return (
    <Tooltip title={tip.join(t('staff.separator'))}>
      <span data-user={name} data-disabled={entry.disabled ? 'true' : undefined}>
        {entry.displayName}
      </span>
    </Tooltip>
  );
}
