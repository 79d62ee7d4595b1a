import { useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import CaseListScreen from './list/CaseListScreen';
import DeadlineWarningsScreen from './list/DeadlineWarningsScreen';
import FilingScreen from './work/FilingScreen';
import CasePage from './work/CasePage';

/**
 * Cases (docs/product-rules.md §4): filing, the case list, "my cases" and deadline warnings. Any of the list
 * screens opens a case page when the hash carries `?case=<id>` (so Back returns to the list).
 */
export default function CasesScreen({ moduleKey }: FeatureScreenProps) {
  const caseId = useHashQuery().get('case');
  if (caseId && moduleKey !== 'cases-filing') return <CasePage caseId={caseId} from={moduleKey} />;
  switch (moduleKey) {
    case 'cases-filing':
      return <FilingScreen />;
    case 'cases-mine':
      return <CaseListScreen mode="mine" />;
    case 'cases-deadlines':
      return <DeadlineWarningsScreen />;
    default:
      return <CaseListScreen mode="all" />;
  }
}
