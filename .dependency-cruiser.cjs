// The arrows between naq's layers (README, "Development"). `npm run lint` fails on any import that breaks them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "No module may reach itself through its imports.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-is-pure",
      comment: "src/core imports only src/core and the pure libraries named here: no node:*, no I/O, no UI.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: ["^src/core/", "^node_modules/semver/"] },
    },
    {
      name: "core-no-builtins",
      comment: "src/core uses no Node.js built-in module.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "io-stays-at-the-edge",
      comment: "src/io reads and writes; it never imports commands, renderers, the CLI or main.",
      severity: "error",
      from: { path: "^src/io/" },
      to: { path: ["^src/commands/", "^src/render/", "^src/cli\\.ts$", "^src/main\\.ts$"] },
    },
    {
      name: "render-returns-data",
      comment: "src/render turns data into text or bytes; it never reads files, runs commands or imports the CLI.",
      severity: "error",
      from: { path: "^src/render/" },
      to: { path: ["^src/io/", "^src/commands/", "^src/cli\\.ts$", "^src/main\\.ts$"] },
    },
    {
      name: "commands-stand-alone",
      comment: "A command never imports another command: what two share belongs in core, io or render.",
      severity: "error",
      from: { path: "^src/commands/([^/.]+)" },
      to: { path: "^src/commands/", pathNot: "^src/commands/$1(/|\\.ts$)" },
    },
    {
      name: "only-main-runs-the-cli",
      comment:
        "Only main imports the CLI (src/cli.ts, whose commands are wired in src/cli/), and nothing else in src imports main: exit codes and error printing live there alone.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/main\\.ts$", "^src/cli\\.ts$", "^src/cli/"] },
      to: { path: ["^src/main\\.ts$", "^src/cli\\.ts$", "^src/cli/"] },
    },
    {
      name: "no-unresolvable",
      comment: "Every import resolves to a file or an installed package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // a worktree links node_modules to another checkout: paths stay node_modules/... so the rules read the same there
    preserveSymlinks: true,
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
