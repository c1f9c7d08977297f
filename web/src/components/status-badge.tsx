import type { FosterHomeStatus } from '../api/types';
import { FOSTER_HOME_STATUS_LABELS, labelOf } from '../lib/labels';

export function StatusBadge({ status }: { status: FosterHomeStatus }) {
  return (
    <span className={`badge badge--${status.toLowerCase()}`}>
      {labelOf(FOSTER_HOME_STATUS_LABELS, status)}
    </span>
  );
}
