/**
 * Runs a local write for a screen and tells the user how it went: a success toast, or the
 * translated failure with the validation message (bilingual, from the core schemas); the form
 * stays open with what was entered, so nothing is lost.
 */
import { message } from 'antd';
import { useTranslation } from 'react-i18next';

/** Returns `run(write)`: resolves true when stored locally, false when refused (already reported). */
export function useWrite(): (write: () => Promise<unknown>, duplicateMessage?: string) => Promise<boolean> {
  const { t } = useTranslation();
  return async (write, duplicateMessage) => {
    try {
      await write();
      void message.success(t('enforcement.common.saved'));
      return true;
    } catch (err) {
      const status = (err as { status?: number }).status;
      const text =
        status === 409 && duplicateMessage
          ? duplicateMessage
          : err instanceof Error
            ? err.message
            : String(err);
      void message.error(t('enforcement.common.failed', { message: text }));
      return false;
    }
  };
}
