import { createContext, useContext } from 'react';
import type { Viewer } from '../api/types';

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer must be used inside <ProtectedLayout>');
  return viewer;
}
