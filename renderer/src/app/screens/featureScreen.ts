import type { ModuleKey } from '../modules';

/** Props every lazily loaded feature screen receives: which of its modules to show. */
export interface FeatureScreenProps {
  readonly moduleKey: ModuleKey;
}
