import { useEffect, useRef } from 'react';

/**
 * A heading that takes focus when it first appears, so a keyboard or screen-reader user lands on the new
 * step (onboarding → placement → result → today) as they would after a page load. Give it tabIndex={-1}.
 */
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>(key: unknown = undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}
