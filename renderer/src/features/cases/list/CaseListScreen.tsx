import { useAuth } from '../../../app/auth/AuthContext';
import { useSyncEngine } from '../../../db/hooks';
import { useCaseCatalog } from '../model/useCaseCatalog';
import { CaseListView } from './CaseListView';

/** The case list (all cases, or the signed-in user's) over the running engine's case catalog. */
export default function CaseListScreen({ mode }: { readonly mode: 'all' | 'mine' }) {
  const engine = useSyncEngine();
  const { state } = useAuth();
  const { catalog, progress, version } = useCaseCatalog();
  return (
    <CaseListView
      mode={mode}
      catalog={catalog}
      progress={progress}
      version={version}
      user={state.status === 'signedIn' ? state.session.name : null}
      engineRunning={engine !== null}
    />
  );
}
