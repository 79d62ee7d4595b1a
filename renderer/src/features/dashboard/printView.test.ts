import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mountDashboardPrint } from './printView';

describe('dashboard print view', () => {
  it('mounts a copy for print media with chart pictures shown and buttons hidden, then removes it', () => {
    const window = new Window();
    const doc = window.document as unknown as Document;
    doc.title = 'CourtDesk';
    doc.body.innerHTML =
      '<div id="app"><div id="view"><button class="cd-noprint">导出</button>' +
      '<div class="cd-chart"><div class="cd-chart-live"></div>' +
      '<img class="cd-chart-print" src="data:image/png;base64,AAAA" style="display:none"></div>' +
      '<table><tr><td>结案率</td></tr></table></div></div>';
    const view = doc.getElementById('view') as HTMLElement;
    const unmount = mountDashboardPrint(view, '月通报', doc);
    const copy = doc.body.lastElementChild as HTMLElement;
    expect(copy.className).toBe('cd-print-view');
    expect(copy.querySelector('h2')?.textContent).toBe('月通报');
    expect(copy.querySelector('td')?.textContent).toBe('结案率');
    expect(copy.querySelector('img.cd-chart-print')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(doc.title).toBe('月通报');
    const css = doc.head.querySelector('style')?.textContent ?? '';
    expect(css).toContain('body > :not(.cd-print-view) { display: none !important; }');
    expect(css).toContain('.cd-print-view .cd-chart-print { display: block !important;');
    expect(css).toContain(
      '.cd-print-view .cd-chart-live, .cd-print-view .cd-noprint { display: none !important; }',
    );
    // The original view is untouched (the copy is a clone).
    expect(doc.getElementById('app')?.contains(view)).toBe(true);
    unmount();
    expect(doc.querySelector('.cd-print-view')).toBeNull();
    expect(doc.head.querySelector('style')).toBeNull();
    expect(doc.title).toBe('CourtDesk');
  });
});
