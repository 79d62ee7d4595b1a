import { Button, Card, Result, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { MODULE_ICONS } from '../moduleIcons';
import type { ModuleKey } from '../modules';
import { hrefFor } from '../router';
import { useLanding } from '../landingContext';

/** Props of {@link ModulePlaceholder}. */
export interface ModulePlaceholderProps {
  readonly moduleKey: ModuleKey;
}

/**
 * The honest state of a module a later release fills: what it will do, and that it is not here
 * yet. Never sample data.
 */
export function ModulePlaceholder({ moduleKey }: ModulePlaceholderProps) {
  const { t } = useTranslation();
  const landing = useLanding();
  return (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`} data-upcoming="true">
      <PageHeader
        moduleKey={moduleKey}
        extra={<Tag icon={<ClockCircleOutlined />}>{t('placeholder.upcoming')}</Tag>}
      />
      <Card variant="borderless" className="cd-placeholder">
        <Result
          icon={<span className="cd-placeholder__icon">{MODULE_ICONS[moduleKey]}</span>}
          title={t(`modules.${moduleKey}.title`)}
          subTitle={
            <Typography.Paragraph className="cd-placeholder__summary">
              {t(`modules.${moduleKey}.summary`)}
            </Typography.Paragraph>
          }
          extra={
            <>
              <Typography.Paragraph type="secondary" data-testid="placeholder-notice">
                {t('placeholder.notice')}
              </Typography.Paragraph>
              {landing === 'home' && <Button href={hrefFor('home')}>{t('placeholder.backHome')}</Button>}
            </>
          }
        />
      </Card>
    </div>
  );
}
