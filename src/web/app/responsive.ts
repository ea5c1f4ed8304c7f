import { useSyncExternalStore } from "react";

/** Below antd's `md` breakpoint (768 px): a phone held upright. The menu becomes a drawer, margins shrink. */
export const PHONE_QUERY = "(max-width: 767.98px)";

/** Whether a media query matches now, updated as the window is resized; read synchronously so the first paint is right. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

export const useIsPhone = () => useMediaQuery(PHONE_QUERY);
