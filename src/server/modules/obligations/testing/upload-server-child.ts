/** The app on a PGlite data directory in a process of its own, for the upload kill test: prints its address. */
import { buildApp } from "../../../app";
import { loadConfig } from "../../../config";
import { openDatabase } from "../../../db/client";

const [dataDir] = process.argv.slice(2);
const database = await openDatabase({ dataDir });
const app = await buildApp({ database, config: { ...loadConfig({}), dataDir, logLevel: "silent" }, logger: false });
const url = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`listening ${url}`);
