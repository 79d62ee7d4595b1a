import { useState } from 'react';
import { Avatar, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useStaffMember } from '../../features/staff/useStaffDirectory';
import { ChangePasswordDialog } from '../account/ChangePasswordDialog';
import type { Session } from '../auth/sessionApi';

/**
 * The signed-in user in the title bar: display name and title from the staff directory (the user
 * name until it has synced), roles, and a menu with 修改密码 (change password).
 */
export function UserMenu({ session }: { readonly session: Session }) {
  const { t } = useTranslation();
  const me = useStaffMember(session.name);
  const [changing, setChanging] = useState(false);
  const roleNames = session.uiRoles.map((r) => t(`roles.${r}`));
  const roles = roleNames.join(' · ');
  // A title that only repeats a role (审判员) adds nothing next to the roles.
  const title = me.title && !roleNames.includes(me.title) ? me.title : undefined;
  const items: MenuProps['items'] = [
    {
      key: 'changePassword',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-change-password">{t('account.changePassword.menu')}</span>,
    },
  ];
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{ items, onClick: ({ key }) => key === 'changePassword' && setChanging(true) }}
      >
        <button
          type="button"
          className="cd-header__user"
          data-testid="user-menu"
          data-user={session.name}
          title={t('staff.userName', { name: session.name })}
        >
          <Avatar size={28} className="cd-header__avatar">
            {me.displayName.slice(0, 1).toUpperCase()}
          </Avatar>
          <span className="cd-header__user-name" data-testid="user-name">
            {me.displayName}
          </span>
          {title && (
            <span className="cd-header__title" data-testid="user-title">
              {title}
            </span>
          )}
          <span className="cd-header__roles" data-testid="user-roles">
            {roles}
          </span>
          <DownOutlined className="cd-header__caret" />
        </button>
      </Dropdown>
      <ChangePasswordDialog user={session.name} open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
