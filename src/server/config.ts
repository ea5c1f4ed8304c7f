/** Settings read once from the environment; every variable is listed in the README. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminPassword?: string;
  /** Secure cookies when served over HTTPS (set KEHOACH_SECURE_COOKIES=1 behind a TLS proxy). */
  secureCookies: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KEHOACH_DATA_DIR ?? "./data",
    adminPassword: env.KEHOACH_ADMIN_PASSWORD || undefined,
    secureCookies: env.KEHOACH_SECURE_COOKIES === "1",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
