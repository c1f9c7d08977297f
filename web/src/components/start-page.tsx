import { Navigate } from 'react-router-dom';
import { useViewer } from './viewer-context';

/**
 * Where a signed-in user starts: their own work. The foster-home register is for the unit and
 * the municipalities' social services; Norrbus roles and the steering group are not let into it.
 */
export function StartPage() {
  const viewer = useViewer();
  const inFosterCare = viewer.roles.some((role) => role !== 'NORRBUS_CONVENER' && role !== 'NORRBUS_PARTICIPANT' && role !== 'STEERING_GROUP_MEMBER');
  if (inFosterCare) return <Navigate to="/familjehem" replace />;
  if (viewer.roles.includes('STEERING_GROUP_MEMBER')) return <Navigate to="/styrgrupp" replace />;
  return <Navigate to="/norrbus" replace />;
}
