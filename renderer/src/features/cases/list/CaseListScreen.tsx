import { ModulePlaceholder } from '../../../app/screens/ModulePlaceholder';

/** The case list (all cases, or the signed-in judge's). Placeholder until the list lands. */
export default function CaseListScreen({ mode }: { readonly mode: 'all' | 'mine' }) {
  return <ModulePlaceholder moduleKey={mode === 'mine' ? 'cases-mine' : 'cases-list'} />;
}
