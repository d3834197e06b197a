// A ref that always holds the latest value: effects read the console's current language through it without re-running when it changes.
import { useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
