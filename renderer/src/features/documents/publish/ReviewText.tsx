import { Button, Popover, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { segments, type ReviewReplacement } from './reviewModel';

/** Props of {@link ReviewText}. */
export interface ReviewTextProps {
  readonly original: string;
  readonly reps: readonly ReviewReplacement[];
  readonly side: 'original' | 'result';
  /** Undo one replacement (result side). */
  readonly onUndo?: (index: number) => void;
}

/**
 * One side of the review: the original with every replaced span highlighted, or the published text
 * with every replacement highlighted (a click offers to undo it). Plain runs carry their offset in
 * the original (`data-start`), so a selection made in the original maps back to it.
 */
export function ReviewText({ original, reps, side, onUndo }: ReviewTextProps) {
  const { t } = useTranslation();
  return (
    <div className="cd-publish__text" data-testid={`review-${side}`}>
      {segments(original, reps, side).map((s) => {
        if (s.rep === null)
          return (
            <span key={`p${s.start}`} data-start={s.start}>
              {s.text}
            </span>
          );
        const r = reps[s.rep] as ReviewReplacement;
        const className = `cd-publish__rep${r.rule === 'manual' ? ' cd-publish__rep--new' : ''}`;
        const span = (
          <span className={className} data-start={s.start} data-rule={r.rule} data-testid="replacement">
            {s.text}
          </span>
        );
        return side === 'result' && onUndo ? (
          <Popover
            key={`r${s.start}`}
            content={
              <Space direction="vertical">
                <span>
                  <Tag>{t(`documents.publish.rules.${r.rule}`)}</Tag>
                  {r.original} → {r.replacement}
                </span>
                <Button size="small" onClick={() => onUndo(s.rep as number)} data-testid="undo-replacement">
                  {t('documents.publish.undo')}
                </Button>
              </Space>
            }
          >
            {span}
          </Popover>
        ) : (
          <span key={`r${s.start}`}>{span}</span>
        );
      })}
    </div>
  );
}

/** The selection inside the original side as offsets of the original text, or null. */
export function selectedRange(root: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const offset = (node: Node, within: number): number | null => {
    const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest(
      '[data-start]',
    );
    if (!el || !root.contains(el) || el.getAttribute('data-rule')) return null;
    return Number(el.getAttribute('data-start')) + within;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}
