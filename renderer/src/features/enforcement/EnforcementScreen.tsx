import { useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import EnforcementCaseList from './cases/EnforcementCaseList';
import EnforcementCasePage from './cases/EnforcementCasePage';
import DishonestListScreen from './debtors/DishonestListScreen';

/**
 * Enforcement (docs/enforcement.md): the enforcement case list with the freeze-lapse warnings and
 * the 实际执结率, one case's page (`?case=<id>`: asset control, measures, payments, closing), and
 * the dishonest-debtor list.
 */
export default function EnforcementScreen({ moduleKey }: FeatureScreenProps) {
  const caseId = useHashQuery().get('case');
  if (moduleKey === 'enforcement-debtors') return <DishonestListScreen />;
  if (caseId) return <EnforcementCasePage caseId={caseId} />;
  return <EnforcementCaseList />;
}
