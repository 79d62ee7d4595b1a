import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiffRun } from './versionText';

/** A diff as running text: removed words struck through in red, added words underlined in green. */
export function VersionDiff({ runs }: { readonly runs: readonly DiffRun[] }) {
  const { t } = useTranslation();
  if (runs.every((r) => r.op === 'same'))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.versions.identical')} />;
  return (
    <Typography.Paragraph className="cd-diff" data-testid="version-diff">
      {runs.map((r, i) =>
        r.op === 'same' ? (
          <span key={i}>{r.text}</span>
        ) : (
          <span
            key={i}
            className={r.op === 'added' ? 'cd-diff__added' : 'cd-diff__removed'}
            title={t(`documents.versions.${r.op}`)}
            data-op={r.op}
          >
            {r.text}
          </span>
        ),
      )}
    </Typography.Paragraph>
  );
}
