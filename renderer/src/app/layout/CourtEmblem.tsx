import { COURT_GOLD, COURT_RED } from '../theme';

/** Props of {@link CourtEmblem}. */
export interface CourtEmblemProps {
  readonly size?: number;
  /** Accessible name; omit when a visible court name sits next to it. */
  readonly title?: string;
}

/**
 * A simple emblem placeholder in the style of a court badge (gold ring, red field, scales of
 * justice). Not the official 法院徽: an installation can replace it with the licensed artwork.
 */
export function CourtEmblem({ size = 36, title }: CourtEmblemProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      focusable="false"
    >
      <circle cx="32" cy="32" r="31" fill={COURT_GOLD} />
      <circle cx="32" cy="32" r="27" fill={COURT_RED} />
      <circle cx="32" cy="32" r="24.5" fill="none" stroke={COURT_GOLD} strokeWidth="1" opacity="0.8" />
      <path d="M32 10 l2.2 4.5 5 .7 -3.6 3.5 .9 5 -4.5-2.4 -4.5 2.4 .9-5 -3.6-3.5 5-.7z" fill={COURT_GOLD} />
      <g stroke={COURT_GOLD} strokeWidth="2" strokeLinecap="round" fill="none">
        <line x1="32" y1="24" x2="32" y2="48" />
        <line x1="18" y1="29" x2="46" y2="29" />
        <line x1="20" y1="29" x2="15" y2="39" />
        <line x1="20" y1="29" x2="25" y2="39" />
        <line x1="44" y1="29" x2="39" y2="39" />
        <line x1="44" y1="29" x2="49" y2="39" />
        <line x1="25" y1="48" x2="39" y2="48" />
      </g>
      <path d="M14 39 a6 3 0 0 0 12 0z M38 39 a6 3 0 0 0 12 0z" fill={COURT_GOLD} />
    </svg>
  );
}
