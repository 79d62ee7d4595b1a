/**
 * The notices addressed to the signed-in user that they have not read yet (no receipt of theirs,
 * from any workstation): the unread badge in the navigation, on the workbench and in the list.
 */
import { useMemo } from 'react';
import { audienceOf, isAddressedTo } from '../../../../../core/domain/notices';
import { useMyReceipts, useNotices, type NoticeInfo } from '../../../db/noticeHooks';
import { useMe } from './useNoticeContext';

/** Every notice with whether it is for me and whether I have read it. */
export interface MyNotice {
  readonly notice: NoticeInfo;
  readonly forMe: boolean;
  readonly read: boolean;
}

/** The notices as I see them (undefined while loading). Notices I wrote count as read. */
export function useMyNotices(): readonly MyNotice[] | undefined {
  const me = useMe();
  const notices = useNotices();
  const receipts = useMyReceipts(me?.name ?? null);
  return useMemo(() => {
    if (!notices || !receipts || !me) return undefined;
    return notices.map((notice) => ({
      notice,
      forMe: notice.createdBy !== me.name && isAddressedTo(audienceOf(notice.raw), me),
      read: notice.createdBy === me.name || receipts.has(notice.id),
    }));
  }, [notices, receipts, me]);
}

/** How many notices for me are unread (0 while loading). */
export function useUnreadNoticeCount(): number {
  const mine = useMyNotices();
  return (mine ?? []).filter((n) => n.forMe && !n.read).length;
}
