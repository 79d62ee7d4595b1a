import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBenchPage, type OpenedPage } from '../bench/lib/harness';
import type { DocPageApi } from '../bench/page/documentsMain';

/**
 * Chinese input methods in the court-document editor, in Chromium: compositions are driven through
 * the DevTools protocol exactly as an IME drives the browser (`Input.imeSetComposition` for each
 * pinyin step, `Input.insertText` to commit), against the app's own editor extensions over Yjs.
 * A commit must insert its characters exactly once — in the editor and in the saved Yjs document —
 * whether it lands after text, at the start of a numbered paragraph (a widget decoration sits
 * there), mid-paragraph, or while another writer's batch is merged in; a cancelled composition
 * inserts nothing; the full-width punctuation rule never rewrites what the IME commits.
 */
let opened: OpenedPage<DocPageApi>;
let cdp: CDPSession;

const START = ['民事判决书', '原告欧阳晓峰与被告白银市恒达商贸有限公司买卖合同纠纷一案', '本院认为'];

/** Types `steps` as successive compositions (pinyin as typed, a frame apart) and commits `commit`. */
async function compose(steps: readonly string[], commit: string): Promise<void> {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
    await opened.call('settle');
  }
  // While composing, the page shows the IME's text in place (nothing committed yet).
  expect(await opened.call('domText')).toContain(steps[steps.length - 1]);
  await cdp.send('Input.insertText', { text: commit });
  await opened.call('settle');
}

async function bothSides(): Promise<{ editor: string[]; saved: string[] }> {
  return { editor: await opened.call('editorParagraphs'), saved: await opened.call('savedParagraphs') };
}

beforeAll(async () => {
  opened = await openBenchPage<DocPageApi>('documents.html', 'docPage');
  cdp = await opened.page.context().newCDPSession(opened.page);
});

afterAll(async () => {
  await opened?.close();
});

beforeEach(async () => {
  await opened.call('mount', { paragraphs: START, kind: 'ours', editsPerParagraph: 3, numberEvery: 2 });
});

describe('IME composition in the court-document editor', () => {
  it('commits after existing text exactly once, in the editor and in the saved document', async () => {
    await opened.call('caret', 2, 4);
    await compose(['p', 'pa', 'pan', 'panj', 'panjue', '判决'], '判决');
    const expected = [...START.slice(0, 2), '本院认为判决'];
    expect(await bothSides()).toEqual({ editor: expected, saved: expected });
  });

  it('commits at the start of a numbered paragraph (beside its number widget) without duplicating', async () => {
    await opened.call('caret', 0, 0);
    await compose(['y', 'yi', 'yis', 'yish', 'yishen', '一审'], '一审');
    await compose(['m', 'mi', 'min', '民'], '民');
    const expected = ['一审民民事判决书', ...START.slice(1)];
    expect(await bothSides()).toEqual({ editor: expected, saved: expected });
  });

  it('commits mid-paragraph, and several compositions in a row keep their order', async () => {
    await opened.call('caret', 1, 2);
    await compose(['z', 'zh', 'zhu', '住'], '住');
    await compose(['s', 'su', '所'], '所');
    await compose(['d', 'di', '地'], '地');
    const expected = [START[0], '原告住所地欧阳晓峰与被告白银市恒达商贸有限公司买卖合同纠纷一案', START[2]];
    expect(await bothSides()).toEqual({ editor: expected, saved: expected });
  });

  it('keeps both texts when another writer’s batch merges in during a composition', async () => {
    await opened.call('caret', 2, 4);
    await cdp.send('Input.imeSetComposition', { text: 'bu', selectionStart: 2, selectionEnd: 2 });
    // The assistant's batch arrives: one edit in another paragraph, one before the caret.
    await opened.call('remoteEdit', 0, 0, '甘肃省白银市白银区人民法院');
    await opened.call('remoteEdit', 2, 0, '综上，');
    await cdp.send('Input.imeSetComposition', { text: 'buyu', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.imeSetComposition', { text: '不予', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '不予' });
    await opened.call('settle');
    const { editor, saved } = await bothSides();
    expect(saved).toEqual(editor);
    expect(editor[0]).toBe('甘肃省白银市白银区人民法院民事判决书');
    expect(editor[1]).toBe(START[1]);
    // Both writers' words exactly once each; the commit lands where the caret was (after 本院认为).
    expect(editor[2]).toBe('综上，本院认为不予');
  });

  it('inserts nothing for a cancelled composition', async () => {
    await opened.call('caret', 2, 4);
    await cdp.send('Input.imeSetComposition', { text: 'bu', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    await opened.call('settle');
    expect(await bothSides()).toEqual({ editor: START, saved: START });
  });

  it('leaves full-width and half-width characters committed by the IME as they were committed', async () => {
    await opened.call('caret', 2, 4);
    // A Chinese IME commits its punctuation directly, without a composition.
    await cdp.send('Input.insertText', { text: '，' });
    await compose(['d', 'de', '的'], '的');
    // Typed without an IME after Chinese text, a comma becomes full-width.
    await opened.page.keyboard.type(',');
    await opened.call('settle');
    await compose(['1', '100.00'], '100.00');
    const expected = [...START.slice(0, 2), '本院认为，的，100.00'];
    expect(await bothSides()).toEqual({ editor: expected, saved: expected });
  });
});
