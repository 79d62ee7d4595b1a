import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Intranet forum: filled by the intranet issue. Until then it states honestly that the module arrives in a later release. */
export default function ForumScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
