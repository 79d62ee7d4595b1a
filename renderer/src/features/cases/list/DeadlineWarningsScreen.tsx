import { ModulePlaceholder } from '../../../app/screens/ModulePlaceholder';

/** Deadline warnings for leaders. Placeholder until the screen lands. */
export default function DeadlineWarningsScreen() {
  return <ModulePlaceholder moduleKey="cases-deadlines" />;
}
