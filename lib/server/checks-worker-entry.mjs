// Entry of the checks worker thread (see checks-worker.ts). It is loaded by
// Node at run time, outside the app's bundle, so it compiles the TypeScript
// sources on the fly with tsx, as the command line does.
import { register as registerCommonJs } from "tsx/cjs/api";
import { register as registerModules } from "tsx/esm/api";

registerCommonJs();
registerModules();
await import("./checks-worker.ts");
