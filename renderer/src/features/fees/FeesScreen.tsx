import { useAuth } from '../../app/auth/AuthContext';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { FeeCalculator } from './FeeCalculator';

/** 诉讼费计算 (SPEC §4.6): the calculator for staff, in large type for a kiosk (touch screen). */
export default function FeesScreen({ moduleKey }: FeatureScreenProps) {
  const { state } = useAuth();
  const kiosk = state.status === 'signedIn' && state.session.roles.includes('kiosk');
  return (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`}>
      <FeeCalculator large={kiosk} />
    </div>
  );
}
