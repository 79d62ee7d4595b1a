/**
 * Full-width punctuation (全角标点) in court documents: typing , . ; : ? ! ( ) right after Chinese
 * text writes ，。；：？！（）; digits, Latin text and numbers like 100.00 or 第577条 are left alone. The
 * same table converts a selection or the whole document on request.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { FULL_WIDTH, wantsFullWidth } from '../../../../../core/documents/fullWidth';

export { FULL_WIDTH, toFullWidth, wantsFullWidth } from '../../../../../core/documents/fullWidth';

/** The editor extension: converts as the user types (IME commits included). */
export const FullWidthPunctuation = Extension.create({
  name: 'fullWidthPunctuation',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('fullWidthPunctuation'),
        props: {
          handleTextInput(view, from, to, text) {
            if (text.length !== 1 || FULL_WIDTH[text] === undefined || view.composing) return false;
            const $from = view.state.doc.resolve(from);
            const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 1), $from.parentOffset);
            if (!wantsFullWidth(before)) return false;
            view.dispatch(view.state.tr.insertText(FULL_WIDTH[text] as string, from, to));
            return true;
          },
        },
      }),
    ];
  },
});
