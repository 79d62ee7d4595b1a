import { useAuth } from '../../../app/auth/AuthContext';
import { useSyncEngine } from '../../../db/hooks';
import { useCaseCatalog } from '../model/useCaseCatalog';
import { DeadlineWarningsView } from './DeadlineWarningsView';

/** Deadline warnings: every case for leaders (and admins), one's own cases for everyone else. */
export default function DeadlineWarningsScreen() {
  const engine = useSyncEngine();
  const { state } = useAuth();
  const { catalog, progress, version } = useCaseCatalog();
  const session = state.status === 'signedIn' ? state.session : null;
  const supervises = !!session && (session.uiRoles.includes('leader') || session.uiRoles.includes('admin'));
  return (
    <DeadlineWarningsView
      catalog={catalog}
      progress={progress}
      version={version}
      {...(supervises ? {} : { staff: session?.name ?? '\u0000' })}
      engineRunning={engine !== null}
    />
  );
}
