import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Props of {@link NumericKeypad}. */
export interface NumericKeypadProps {
  readonly onDigit: (digit: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The on-screen number pad of the kiosk (88 px keys; no system keyboard on a touch terminal). */
export function NumericKeypad({ onDigit, onDelete, onClear }: NumericKeypadProps) {
  const { t } = useTranslation();
  return (
    <div
      className="cd-kiosk__keypad"
      role="group"
      aria-label={t('kiosk.query.keypad')}
      data-testid="kiosk-keypad"
    >
      {DIGITS.map((d) => (
        <Button key={d} onClick={() => onDigit(d)} data-testid={`kiosk-key-${d}`}>
          {d}
        </Button>
      ))}
      <Button onClick={onClear} data-testid="kiosk-key-clear">
        {t('kiosk.query.keyClear')}
      </Button>
      <Button onClick={() => onDigit('0')} data-testid="kiosk-key-0">
        0
      </Button>
      <Button onClick={onDelete} data-testid="kiosk-key-delete">
        {t('kiosk.query.keyDelete')}
      </Button>
    </div>
  );
}
