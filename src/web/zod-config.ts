import { z } from "zod";

// Imported first by main.tsx, before any contract builds a schema. The contracts' own messages in Vietnamese, as on
// the server; and no JIT: zod probes `new Function` when it builds an object schema, which the Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses and reports as a violation.
z.config({ ...z.locales.vi(), jitless: true });
