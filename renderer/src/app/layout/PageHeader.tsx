import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { moduleByKey, type ModuleKey } from '../modules';
import { hrefFor } from '../router';
import { useLanding } from '../landingContext';

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  readonly moduleKey: ModuleKey;
  readonly extra?: ReactNode;
}

/** Breadcrumb (workbench › group › module; no workbench for a kiosk) and the module title. */
export function PageHeader({ moduleKey, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  const def = moduleByKey(moduleKey);
  const landing = useLanding();
  const items = [
    ...(landing === 'home' ? [{ title: <a href={hrefFor('home')}>{t('modules.home.title')}</a> }] : []),
    ...(def.group ? [{ title: t(`nav.group.${def.group}`) }] : []),
    { title: t(`modules.${moduleKey}.title`) },
  ];
  return (
    <div className="cd-page-header">
      {moduleKey !== 'home' && <Breadcrumb items={items} />}
      <div className="cd-page-header__row">
        <Typography.Title level={3} className="cd-page-header__title">
          {t(`modules.${moduleKey}.title`)}
        </Typography.Title>
        {extra}
      </div>
    </div>
  );
}
