import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Litigation fee calculator: filled by the public-services issue. Until then it states honestly that the module arrives in a later release. */
export default function FeesScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
