import { ApiError } from "./api";

interface Display {
  error(text: string): void;
  success(text: string): void;
}
let display: Display = { error: (text) => console.error(text), success: () => undefined };

/** Set once by the Notifier component inside antd's <App>, so messages follow the theme and locale. */
export function setDisplay(next: Display): void {
  display = next;
}

/** Shows what went wrong in words; never a bare error code. 401 is handled by returning to sign-in. */
export function showError(error: unknown, fallback: string): void {
  if (error instanceof ApiError) {
    if (error.status === 401) return;
    display.error(error.message || fallback);
    return;
  }
  display.error(fallback);
}

/** A short confirmation after a change was saved. */
export function showSuccess(text: string): void {
  display.success(text);
}
