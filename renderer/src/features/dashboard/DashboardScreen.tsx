import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Trial quality dashboard (审判质效): filled by the dashboard issue. Until then it states honestly that the module arrives in a later release. */
export default function DashboardScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
