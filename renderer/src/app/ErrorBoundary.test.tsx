import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { diagnosticReport } from './diagnostics';
import { ErrorBoundary } from './ErrorBoundary';
import { createI18n } from './i18n/i18n';
import { RecoveryScreen } from './RecoveryScreen';

/**
 * React's server renderer does not run error boundaries, so the boundary's two halves are tested
 * directly: its state transitions (what React calls when a child throws or the route changes) and
 * the recovery screen it renders in the error state. The live catch (a lazy screen chunk that fails
 * to load) is exercised in Chromium by the e2e suite.
 */
function Thrower(): never {
  throw new Error('boom: cannot read case file');
}

describe('ErrorBoundary', () => {
  it('enters the error state when a child throws', () => {
    const err = new Error('boom');
    const state = ErrorBoundary.getDerivedStateFromError(err);
    expect(state).toMatchObject({ error: err, hasError: true });
    expect(state.time).toBeInstanceOf(Date);
  });

  it('a module boundary resets when the route changes, not on other renders', () => {
    const failed = {
      error: new Error('x'),
      hasError: true,
      componentStack: 'at X',
      resetKey: 'forum',
      time: new Date(),
    };
    expect(
      ErrorBoundary.getDerivedStateFromProps(
        { variant: 'module', resetKey: 'forum', version: '1', children: null },
        failed,
      ),
    ).toBeNull();
    expect(
      ErrorBoundary.getDerivedStateFromProps(
        { variant: 'module', resetKey: 'notices', version: '1', children: null },
        failed,
      ),
    ).toMatchObject({
      hasError: false,
      error: null,
      resetKey: 'notices',
    });
  });

  it('renders its children while nothing failed', () => {
    const html = renderToString(
      <ErrorBoundary variant="app" version="1.0.0">
        <p>case list</p>
      </ErrorBoundary>,
    );
    expect(html).toContain('case list');
    expect(html).not.toContain('recovery-screen');
  });

  it('in the error state renders the translated recovery screen with reload, copy and the diagnostics', () => {
    const boundary = new ErrorBoundary({ variant: 'app', version: '1.0.0', children: <Thrower /> });
    let caught: unknown;
    try {
      Thrower();
    } catch (e) {
      caught = e;
    }
    boundary.state = {
      ...boundary.state,
      ...ErrorBoundary.getDerivedStateFromError(caught),
      componentStack: '\n    at Thrower\n    at Shell',
    };
    const i18n = createI18n('zh-CN');
    const html = renderToString(<I18nextProvider i18n={i18n}>{boundary.render()}</I18nextProvider>);
    expect(html).toContain('data-testid="recovery-screen"');
    expect(html).toContain('界面出现意外错误');
    expect(html).toContain('重新加载');
    expect(html).toContain('复制诊断信息');
    expect(html).toContain('boom: cannot read case file');
    expect(html).toContain('at Thrower');
    expect(html).toContain('data-testid="recovery-reload"');
    expect(html).toContain('data-testid="recovery-copy"');
  });

  it('the recovery screen is translated into English too', async () => {
    const i18n = createI18n('en');
    const html = renderToString(
      <I18nextProvider i18n={i18n}>
        <RecoveryScreen
          variant="module"
          report="r"
          onReload={() => undefined}
          copyText={async () => undefined}
        />
      </I18nextProvider>,
    );
    expect(html).toContain('This module ran into an error');
    expect(html).toContain('Copy diagnostic details');
    expect(html).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('diagnosticReport', () => {
  it('carries version, time, URL, error and both stacks', () => {
    const err = new TypeError('Failed to fetch dynamically imported module');
    const text = diagnosticReport({
      error: err,
      componentStack: '\n at ForumScreen',
      url: 'app://courtdesk/index.html#/forum',
      userAgent: 'UA',
      version: '0.1.0',
      time: new Date('2026-11-25T15:00:00Z'),
    });
    expect(text).toContain('CourtDesk 0.1.0');
    expect(text).toContain('time: 2026-11-25T15:00:00.000Z');
    expect(text).toContain('url: app://courtdesk/index.html#/forum');
    expect(text).toContain('error: TypeError: Failed to fetch dynamically imported module');
    expect(text).toContain('at ForumScreen');
  });

  it('copes with non-Error throwables', () => {
    const text = diagnosticReport({
      error: 'plain string',
      url: '',
      userAgent: '',
      version: '1',
      time: new Date(0),
    });
    expect(text).toContain('error: string: plain string');
    expect(text).toContain('(no stack)');
    expect(text).toContain('component stack:\n(none)');
  });
});
