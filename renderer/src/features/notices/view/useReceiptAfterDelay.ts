/**
 * Writes the signed-in reader's receipt once a notice addressed to them has been open for
 * {@link RECEIPT_DELAY_MS} (a glance in the list does not count). Local write: offline it waits
 * in the replica and syncs later; a receipt already there (from another workstation) is kept.
 */
import { useEffect, useState } from 'react';
import { writeReceipt } from '../../../db/noticeHooks';
import { useNoticesRepo } from '../model/useNoticeContext';

/** How long a notice must stay open before it counts as read. */
export const RECEIPT_DELAY_MS = 1500;

/** 'waiting' until the receipt is written, 'saved' after, 'none' when no receipt is due. */
export type ReceiptState = 'none' | 'waiting' | 'saved' | 'failed';

/** Starts the timer while `due` (the notice is for me and I have not read it). */
export function useReceiptAfterDelay(noticeId: string, due: boolean): ReceiptState {
  const ctx = useNoticesRepo();
  const [state, setState] = useState<{ id: string; state: 'saved' | 'failed' } | null>(null);
  useEffect(() => {
    if (!due || !ctx) return undefined;
    let active = true;
    const timer = setTimeout(() => {
      writeReceipt(ctx.db, ctx.repo, noticeId, ctx.user).then(
        () => active && setState({ id: noticeId, state: 'saved' }),
        (err: unknown) => {
          console.error('read receipt not written', err);
          if (active) setState({ id: noticeId, state: 'failed' });
        },
      );
    }, RECEIPT_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [noticeId, due, ctx]);
  if (state?.id === noticeId) return state.state;
  return due && ctx ? 'waiting' : 'none';
}
