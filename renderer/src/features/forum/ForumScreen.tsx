import { useHashQuery } from '../../app/router';
import './forum.css';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { BoardPage } from './list/BoardPage';
import { ThreadPage } from './thread/ThreadPage';

/**
 * 内网论坛 (issue 10): the boards and their threads; `?thread=<id>` opens a thread, `?board=<id>`
 * a board. Posting works offline (marked "waiting to upload" until the server has it).
 */
export default function ForumScreen(_props: FeatureScreenProps) {
  const query = useHashQuery();
  const thread = query.get('thread');
  return thread ? <ThreadPage threadId={thread} /> : <BoardPage boardId={query.get('board')} />;
}
