import { useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { NoticeListPage } from './list/NoticeListPage';
import { NoticePage } from './view/NoticePage';

/**
 * 通知通报 (issue 10): the notices on this computer, unread ones marked; `?notice=<id>` opens one
 * (its read receipt is written after a moment; its author and leaders see who has read it).
 */
export default function NoticesScreen(_props: FeatureScreenProps) {
  const notice = useHashQuery().get('notice');
  return notice ? <NoticePage noticeId={notice} /> : <NoticeListPage />;
}
