// A ref that always holds the latest value: effects read the console's current language through it without re-running when it changes.
import { useEffect, useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  // Updated after each render rather than during it, as React asks of refs; effects see it before any answer arrives.
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
