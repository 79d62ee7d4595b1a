import { ModulePlaceholder } from '../../../app/screens/ModulePlaceholder';

/** Filing (立案). Placeholder until the form lands. */
export default function FilingScreen() {
  return <ModulePlaceholder moduleKey="cases-filing" />;
}
