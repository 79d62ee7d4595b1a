import { useHashQuery } from '../../app/router';
import './forum.css';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { usePosts } from '../../db/forumHooks';
import { BoardPage } from './list/BoardPage';
import { ThreadPage } from './thread/ThreadPage';

/**
 * 内网论坛 (issue 10): the boards and their threads; `?thread=<id>` opens a thread, `?board=<id>`
 * a board, `?post=<id>` (a search hit) the thread the post belongs to. Posting works offline
 * (marked "waiting to upload" until the server has it).
 */
export default function ForumScreen(_props: FeatureScreenProps) {
  const query = useHashQuery();
  const thread = query.get('thread');
  const post = query.get('post');
  if (thread) return <ThreadPage threadId={thread} />;
  if (post) return <PostThread postId={post} />;
  return <BoardPage boardId={query.get('board')} />;
}

/** The thread of a post: itself when it opens a thread, else the thread it replies to. */
function PostThread({ postId }: { readonly postId: string }) {
  const posts = usePosts();
  if (!posts) return <div className="cd-screen" data-testid="screen-forum" />;
  const p = posts.find((x) => x.id === postId);
  return <ThreadPage threadId={p?.threadId ?? postId} />;
}
