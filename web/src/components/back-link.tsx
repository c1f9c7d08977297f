import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The link back to where the page belongs, above its heading. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
