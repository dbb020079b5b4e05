import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from './api';

/** Loads with `load` now, on `reload()` and every `everyMs`; the value or HQ's sentence. */
export function useLoad<T>(
  load: () => Promise<ApiResult<T>>,
  onUnauthorized?: () => void,
  everyMs = 0,
) {
  const [state, setState] = useState<ApiResult<T> | null>(null);
  const reload = useCallback(() => {
    void load().then((r) => {
      if (!r.ok && r.status === 401) onUnauthorized?.();
      setState(r);
    });
  }, [load, onUnauthorized]);
  useEffect(() => {
    reload();
    if (!everyMs) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { state, reload };
}
