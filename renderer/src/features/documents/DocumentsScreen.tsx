import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import DraftListPage from './list/DraftListPage';

const DraftEditorPage = lazy(() => import('./editor/DraftEditorPage'));
const PublicationPage = lazy(() => import('./publish/PublicationPage'));

/**
 * 文书 (issue 9): the drafts on this computer; `?draft=<id>` opens one in the editor and
 * `?publish=<id>` in publication review (裁判文书公开). The editor and pdf.js load only when used.
 */
export default function DocumentsScreen(_props: FeatureScreenProps) {
  const query = useHashQuery();
  const draft = query.get('draft');
  const publish = query.get('publish');
  return (
    <Suspense fallback={<Spin />}>
      {draft ? (
        <DraftEditorPage draftId={draft} />
      ) : publish ? (
        <PublicationPage draftId={publish} />
      ) : (
        <DraftListPage />
      )}
    </Suspense>
  );
}
