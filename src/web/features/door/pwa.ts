/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from "virtual:pwa-register";

let registered = false;

/**
 * Registers the service worker (vite.config.ts, Workbox) the first time a door page opens: it precaches the app
 * shell, so the door page opens again without a network. Other pages never register it. In development there is none.
 */
export function registerDoorServiceWorker(): void {
  if (registered || !("serviceWorker" in navigator)) return;
  registered = true;
  void registerSW({ immediate: true });
}
