// `naq --version` and `naq --help` against `node -e 0`: the CLI must start about as fast as Node itself.
import { naq, report, timeCommand } from "./lib.js";

export default async function startup() {
  const node = timeCommand([process.execPath, "-e", "0"], { runs: 25 });
  report("naq --version", timeCommand([process.execPath, naq, "--version"], { runs: 25 }), "node -e 0", node, 1.3);
  report("naq --help", timeCommand([process.execPath, naq, "--help"], { runs: 25 }), "node -e 0", node, 1.3);
}
