import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../electron/common/ipcContract';
import { LANGUAGES } from '../i18n/i18n';
import { useLanguage } from '../i18n/useLanguage';

/** Props of {@link LanguageSwitch}. */
export interface LanguageSwitchProps {
  /** `dark` on the red title bar and sign-in band. */
  readonly tone?: 'light' | 'dark';
}

/** 中文 / English switch; applies at once and persists the choice. */
export function LanguageSwitch({ tone = 'light' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <span
      className={`cd-language-switch cd-language-switch--${tone}`}
      data-testid="language-switch"
      data-language={language}
    >
      <Segmented<Language>
        size="small"
        aria-label={t('language.label')}
        value={language}
        onChange={(next) => void setLanguage(next)}
        options={LANGUAGES.map((lang) => ({
          value: lang,
          label: <span data-testid={`language-${lang}`}>{t(`language.${lang}`)}</span>,
        }))}
      />
    </span>
  );
}
