import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Cases (立案, case list, my cases, time-limit alerts): filled by the cases issue. Until then it states honestly that the module arrives in a later release. */
export default function CasesScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
