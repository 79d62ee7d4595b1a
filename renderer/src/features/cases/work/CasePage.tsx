import type { ModuleKey } from '../../../app/modules';
import { ModulePlaceholder } from '../../../app/screens/ModulePlaceholder';

/** One case: parties, timeline, deadline bar, documents. Placeholder until the page lands. */
export default function CasePage({ from }: { readonly caseId: string; readonly from: ModuleKey }) {
  return <ModulePlaceholder moduleKey={from} />;
}
