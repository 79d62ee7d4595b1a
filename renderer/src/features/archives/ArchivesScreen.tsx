import { ModulePlaceholder } from '../../app/screens/ModulePlaceholder';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';

/** Archives and file reading (档案与阅卷): filled by the archives issue. Until then it states honestly that the module arrives in a later release. */
export default function ArchivesScreen({ moduleKey }: FeatureScreenProps) {
  return <ModulePlaceholder moduleKey={moduleKey} />;
}
