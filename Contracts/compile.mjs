// Compiles src/*.sol with solcjs (standard-JSON API) into artifacts/<Name>.json: abi, bytecode, deployedBytecode.
// Deterministic: fixed compiler (package-lock), fixed settings, relative source names, sorted keys where we choose
// them. `node compile.mjs --check` compiles in memory and fails when the committed artifacts differ.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const solc = require('solc');

const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

const sourceNames = readdirSync(join(root, 'src')).filter((f) => f.endsWith('.sol')).sort();
const sources = Object.fromEntries(
  sourceNames.map((f) => [`src/${f}`, { content: readFileSync(join(root, 'src', f), 'utf8') }]),
);

// Imports resolve against src/ (relative) and node_modules/ (@openzeppelin/...), never anywhere else.
function findImports(path) {
  for (const candidate of [join(root, path), join(root, 'node_modules', path)]) {
    if (existsSync(candidate)) {
      return { contents: readFileSync(candidate, 'utf8') };
    }
  }
  return { error: `File not found: ${path}` };
}

const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings }), { import: findImports }));
const diagnostics = output.errors ?? [];
for (const d of diagnostics) {
  console.error(d.formattedMessage);
}
if (diagnostics.some((d) => d.severity === 'error' || d.sourceLocation?.file?.startsWith('src/'))) {
  console.error('compile.mjs: errors or warnings in src/, no artifacts written');
  process.exit(1);
}

const artifacts = [];
for (const sourceName of Object.keys(sources)) {
  for (const [contractName, contract] of Object.entries(output.contracts[sourceName] ?? {})) {
    const bytecode = contract.evm.bytecode.object;
    if (bytecode.length === 0 || contract.abi.length === 0) {
      continue; // interfaces, abstract contracts, and libraries of internal functions (LedgerLeaves)
    }
    const artifact = {
      contractName,
      sourceName,
      compiler: { version: solc.version(), optimizer: settings.optimizer, evmVersion: settings.evmVersion },
      abi: contract.abi,
      bytecode: `0x${bytecode}`,
      deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
    };
    artifacts.push([join(root, 'artifacts', `${contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`]);
  }
}

if (process.argv.includes('--check')) {
  const stale = artifacts.filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
  const expected = new Set(artifacts.map(([path]) => path));
  const extra = readdirSync(join(root, 'artifacts')).map((f) => join(root, 'artifacts', f)).filter((p) => !expected.has(p));
  for (const [path] of stale) {
    console.error(`stale: ${path}`);
  }
  for (const path of extra) {
    console.error(`not produced by compile.mjs: ${path}`);
  }
  if (stale.length > 0 || extra.length > 0) {
    process.exit(1);
  }
  console.log(`compile.mjs --check: ${artifacts.length} artifacts match (solc ${solc.version()})`);
} else {
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  for (const [path, text] of artifacts) {
    writeFileSync(path, text);
  }
  console.log(`compile.mjs: wrote ${artifacts.length} artifacts (solc ${solc.version()})`);
}
