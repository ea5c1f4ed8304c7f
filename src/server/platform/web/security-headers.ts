import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of every answer. Scripts come only from our own origin (Vite emits no inline
 * script; index.html loads one module); 'wasm-unsafe-eval' lets
 * the door page compile our own zxing .wasm (the QR decoder), and allows no eval() of text. Styles allow 'unsafe-inline' because we must: antd's CSS-in-JS and
 * rc-component's scroll locker (opened by every Modal and Drawer) insert <style> elements at run time without a
 * nonce, and a nonce would also make index.html differ per request. Nothing may frame the app.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    // Over plain HTTP on an office network, upgrading sub-requests to HTTPS would break every page.
    "upgrade-insecure-requests": https ? [] : null,
  };
}

/**
 * Security headers on every answer (@fastify/helmet): the CSP above, X-Frame-Options DENY, nosniff, a
 * same-origin referrer policy; HSTS only when served over HTTPS (KEHOACH_SECURE_COOKIES=1).
 */
export async function registerSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // The iCalendar feed is fetched by calendar programs, never embedded by another site: same-origin is right.
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
}
