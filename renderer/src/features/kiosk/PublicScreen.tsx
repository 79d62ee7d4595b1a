import { Button } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { HearingBoard } from './HearingBoard';
import { KioskApp } from './KioskApp';
import './kiosk.css';

/**
 * The public services inside a staff member's window: the kiosk as the public sees it (to try a
 * query or show a visitor) and the hearing board (full screen on a second display). A kiosk
 * account never sees this screen: it gets the full-screen KioskShell.
 */
export default function PublicScreen({ moduleKey }: FeatureScreenProps) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const board = moduleKey === 'public-board';
  return (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`}>
      <PageHeader
        moduleKey={moduleKey}
        extra={
          board ? (
            <Button
              icon={<FullscreenOutlined />}
              onClick={() => void frame.current?.requestFullscreen()}
              data-testid="board-fullscreen"
            >
              {t('kiosk.board.fullScreen')}
            </Button>
          ) : undefined
        }
      />
      <div ref={frame}>
        {board ? (
          <HearingBoard embedded />
        ) : (
          <div className="cd-kiosk cd-kiosk--embedded">
            <KioskApp />
          </div>
        )}
      </div>
    </div>
  );
}
