/**
 * What a reader sees of a post: withdrawn posts show only that they were withdrawn; hidden posts
 * show their text to the author and admins only (everyone else sees the reason).
 */
import type { PostInfo } from '../../../db/forumHooks';

/** How a post's text is shown to `user`. */
export type PostView = 'normal' | 'withdrawn' | 'hiddenFromMe' | 'hiddenButShown';

/** How `user` (an admin when `isAdmin`) sees `post`. */
export function postViewFor(post: PostInfo, user: string, isAdmin: boolean): PostView {
  if (post.withdrawn) return 'withdrawn';
  if (post.hidden) return isAdmin || post.createdBy === user ? 'hiddenButShown' : 'hiddenFromMe';
  return 'normal';
}
