import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Public case query (kiosk) and hearing board: filled by the public-services issue. Until then it states honestly that the module arrives in a later release. */
export default function PublicScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
