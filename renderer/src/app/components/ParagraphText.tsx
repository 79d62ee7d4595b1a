import { Fragment } from 'react';
import { Typography } from 'antd';

/**
 * Notice and post text is stored as plain text with paragraphs separated by an empty line (no
 * markup: nothing to sanitise, diffs in the conflict centre read as text).
 */

/** Normalises typed text for storage: line ends, outer blanks, at most one empty line between paragraphs. */
export function paragraphsToBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The paragraphs of a stored body. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Shows a stored body as paragraphs (single line breaks kept). */
export function ParagraphText({ body, testId }: { readonly body: string; readonly testId?: string }) {
  return (
    <div className="cd-paragraph-text" data-testid={testId}>
      {bodyParagraphs(body).map((p, i) => (
        <Typography.Paragraph key={i}>
          {p.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
