import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../modules';
import { hrefFor } from '../router';

/** Props of {@link NotFound}. */
export interface NotFoundProps {
  readonly path: string;
  readonly home: ModuleKey;
}

/** An unknown hash path. */
export function NotFound({ path, home }: NotFoundProps) {
  const { t } = useTranslation();
  return (
    <div className="cd-screen" data-testid="screen-not-found">
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.description', { path })}
        extra={
          <Button type="primary" href={hrefFor(home)}>
            {t('notFound.back')}
          </Button>
        }
      />
    </div>
  );
}

/** Props of {@link Forbidden}. */
export interface ForbiddenProps {
  readonly moduleKey: ModuleKey;
  readonly home: ModuleKey;
}

/** A module the user's roles do not include (the server enforces it too). */
export function Forbidden({ moduleKey, home }: ForbiddenProps) {
  const { t } = useTranslation();
  return (
    <div className="cd-screen" data-testid="screen-forbidden">
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.description', { module: t(`modules.${moduleKey}.title`) })}
        extra={
          <Button type="primary" href={hrefFor(home)}>
            {t('notFound.back')}
          </Button>
        }
      />
    </div>
  );
}
