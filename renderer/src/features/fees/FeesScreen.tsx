import { useAuth } from '../../app/auth/AuthContext';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { FeeCalculator } from './FeeCalculator';

/** 诉讼费计算 (SPEC §4.6): the calculator for staff, in large type for a kiosk (touch screen). */
export default function FeesScreen(_props: FeatureScreenProps) {
  const { state } = useAuth();
  const kiosk = state.status === 'signedIn' && state.session.roles.includes('kiosk');
  return <FeeCalculator large={kiosk} />;
}
