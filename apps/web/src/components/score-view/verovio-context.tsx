import { createContext, useContext } from 'react';
import type { VerovioLoader } from './verovio-loader.js';

const VerovioContext = createContext<VerovioLoader | undefined>(undefined);

export const VerovioProvider = VerovioContext.Provider;

export function useVerovioLoader(): VerovioLoader {
  const loader = useContext(VerovioContext);
  if (!loader) throw new Error('ScoreView needs a <VerovioProvider> above it (see app.tsx)');
  return loader;
}
