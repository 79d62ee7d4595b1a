import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApproval, seedCaseDocs } from '../../../../../tests/support/renderer/caseFixtures';
import { createI18n } from '../../../app/i18n/i18n';
import { memoryDb } from '../../../../../tests/support/renderer/memory';
import { staffDirectoryOf } from '../../staff/staffDirectory';
import { StaffDirectoryProvider } from '../../staff/useStaffDirectory';
import { createCaseCatalog, type CaseCatalogHandle } from '../model/caseCatalog';
import type { CaseCatalog } from '../model/catalogTypes';
import { CaseListView } from './CaseListView';
import { DeadlineWarningsView } from './DeadlineWarningsView';

let handle: CaseCatalogHandle;
let catalog: CaseCatalog;

beforeAll(async () => {
  const db = memoryDb('caselist');
  await db.bulkDocs([
    ...seedCaseDocs({ n: 1, filingDate: '2026-01-05', party: '张三', judge: 'judge.a', clerk: 'clerk.x' }),
    ...seedCaseDocs({ n: 2, filingDate: '2025-09-01', party: '李四', judge: 'judge.b' }),
    ...seedCaseDocs({
      n: 3,
      filingDate: '2025-09-25',
      party: '王五',
      judge: 'judge.a',
      pendingExtension: true,
    }),
    ...seedCaseDocs({
      n: 4,
      filingDate: '2025-06-01',
      party: '赵六',
      judge: 'judge.b',
      closedOn: '2025-10-01',
    }),
    ...seedCaseDocs({ n: 5, filingDate: '2026-03-01', party: '钱七', official: false }),
    ...seedCaseDocs({
      n: 6,
      filingDate: '2025-09-20',
      party: '孙八',
      judge: 'judge.b',
      pendingExtension: true,
    }),
    seedApproval(6),
  ]);
  handle = createCaseCatalog(db, { today: () => '2026-03-10', dateCheckMs: 0 });
  catalog = await handle.ready;
});
afterAll(() => handle.dispose());

function render(node: ReactNode, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  return renderToString(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);
}

const rowIds = (html: string) =>
  [...html.matchAll(/data-testid="case-row"[^>]*data-case-id="([^"]+)"/g)].map((m) => m[1]);

describe('case list screen', () => {
  it('lists every case, newest filing first, with number, status, deadline and the test hooks', () => {
    const html = render(
      <CaseListView mode="all" catalog={catalog} progress={null} version={1} user="clerk.x" engineRunning />,
    );
    expect(html).toContain('data-testid="case-list"');
    expect(html).toContain('data-testid="case-search"');
    expect(html).toMatch(/data-testid="case-count"[^>]*data-count="6"/);
    expect(html).toContain('共 6 件');
    expect(rowIds(html)).toEqual(['case:c5', 'case:c1', 'case:c3', 'case:c6', 'case:c2', 'case:c4']);
    expect(html).toContain('data-number="（2026）甘0402民初1号"');
    expect(html).toContain('data-number="临20260301-00005"');
    expect(html).toContain('超期 9 天'); // case 2: six months from 2025-09-01
    expect(html).toContain('已结案');
    expect(html).toContain('民事一审案件'); // the type name comes from resources/reference via core
  });

  it('shows the signed-in user only their cases, with counts by warning level', () => {
    const html = render(
      <CaseListView mode="mine" catalog={catalog} progress={null} version={1} user="judge.a" engineRunning />,
    );
    expect(rowIds(html)).toEqual(['case:c1', 'case:c3']);
    expect(html).toContain('data-testid="case-warning-counts"');
    expect(html).toMatch(/data-testid="case-warning-count-d15"[^>]*>[^<]*15 日内到期：1 件/);
    const none = render(
      <CaseListView mode="mine" catalog={catalog} progress={null} version={1} user="judge.z" engineRunning />,
    );
    expect(none).toContain('目前没有分配给您的案件。');
  });

  it('shows staff by display name once the directory is there, and user names before', () => {
    const view = (
      <CaseListView mode="all" catalog={catalog} progress={null} version={1} user="clerk.x" engineRunning />
    );
    const before = render(view);
    expect(before).toContain('<span data-user="judge.a">judge.a</span>');
    const directory = staffDirectoryOf([
      { name: 'judge.a', displayName: '赵志刚', roles: ['judge'], title: '审判员' },
      { name: 'judge.b', displayName: '刘芳', roles: ['judge'] },
    ]);
    const html = render(<StaffDirectoryProvider directory={directory}>{view}</StaffDirectoryProvider>);
    expect(html).toContain('<span data-user="judge.a">赵志刚</span>');
    expect(html).toContain('<span data-user="judge.b">刘芳</span>');
    expect(html).not.toMatch(/>judge\.[ab]</);
    const warnings = render(
      <StaffDirectoryProvider directory={directory}>
        <DeadlineWarningsView catalog={catalog} progress={null} version={1} engineRunning />
      </StaffDirectoryProvider>,
    );
    expect(warnings).toMatch(/data-testid="pending-extension-row"[\s\S]*赵志刚/);
  });

  it('shows build progress while the catalog builds, and says when sync has not started', () => {
    const building = render(
      <CaseListView
        mode="all"
        catalog={null}
        progress={{ done: 500, total: 2000 }}
        version={0}
        user="x"
        engineRunning
      />,
      'en',
    );
    expect(building).toContain('data-testid="case-catalog-building"');
    expect(building).toContain('Read 500 of 2000 records');
    const off = render(
      <CaseListView
        mode="all"
        catalog={null}
        progress={null}
        version={0}
        user={null}
        engineRunning={false}
      />,
    );
    expect(off).toContain('同步尚未启动');
  });
});

describe('deadline warnings screen', () => {
  it('groups open cases by warning level and lists pending extension requests', () => {
    const html = render(<DeadlineWarningsView catalog={catalog} progress={null} version={1} engineRunning />);
    expect(html).toMatch(/data-testid="deadline-group-overdue"[^>]*data-count="1"/);
    expect(html).toMatch(/data-testid="deadline-group-d15"[^>]*data-count="1"/);
    expect(html).toMatch(/data-testid="deadline-group-d7"[^>]*data-count="0"/);
    expect(
      [...html.matchAll(/data-testid="pending-extension-row" data-case-id="([^"]+)"/g)].map((m) => m[1]),
    ).toEqual(['case:c3']); // case 6's request was approved
    expect(html).toContain('href="#/cases/deadlines?case=case%3Ac3"');
  });

  it('limits a judge to their own cases', () => {
    const html = render(
      <DeadlineWarningsView catalog={catalog} progress={null} version={1} staff="judge.b" engineRunning />,
      'en',
    );
    expect(html).toMatch(/data-testid="deadline-group-overdue"[^>]*data-count="1"/);
    expect(html).toMatch(/data-testid="deadline-group-d15"[^>]*data-count="0"/);
    expect(html).toContain('No extension request is awaiting approval.');
  });
});
