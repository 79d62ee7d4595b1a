/** What the recovery screen copies for the IT office: enough to reproduce, nothing personal beyond the URL. */
export interface DiagnosticInput {
  readonly error: unknown;
  readonly componentStack?: string | null;
  readonly url: string;
  readonly userAgent: string;
  readonly version: string;
  readonly time: Date;
}

/** Formats a crash as plain text for the clipboard. */
export function diagnosticReport(input: DiagnosticInput): string {
  const { error } = input;
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : '(no stack)';
  return [
    `CourtDesk ${input.version} diagnostic report`,
    `time: ${input.time.toISOString()}`,
    `url: ${input.url}`,
    `userAgent: ${input.userAgent}`,
    `error: ${name}: ${message}`,
    '',
    'stack:',
    stack,
    '',
    'component stack:',
    input.componentStack?.trim() || '(none)',
  ].join('\n');
}
