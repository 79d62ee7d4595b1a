import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Enforcement cases and the dishonest-debtor list: filled by the enforcement issue. Until then it states honestly that the module arrives in a later release. */
export default function EnforcementScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
