// `npm run spec:generate [-- --docs DIR] [--check]`: regenerates spec/openapi and spec/types.
// --check writes nothing and exits 1 when a committed file differs.
// Any problem with the documents exits 2 with a one-line message naming the file, no stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../services.js';
import { GenerateError } from './errors.js';
import { generate } from './generate.js';

interface Args {
  docsDir: string;
  check: boolean;
}

function parseArgs(argv: string[]): Args {
  const root = projectRoot();
  let docsDir = path.resolve(root, '..', 'shared');
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--docs') {
      const v = argv[++i];
      if (!v) throw new GenerateError('--docs needs a directory');
      docsDir = path.resolve(v);
    } else if (a.startsWith('--docs=')) {
      docsDir = path.resolve(a.slice('--docs='.length));
    } else if (a === '--check') {
      check = true;
    } else {
      throw new GenerateError(`unknown argument ${a} (usage: spec:generate [--docs DIR] [--check])`);
    }
  }
  return { docsDir, check };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = projectRoot();
  const files = await generate({ docsDir: args.docsDir });
  let stale = 0;
  for (const f of files) {
    const target = path.join(root, f.path);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (current === f.content) continue;
    if (args.check) {
      stale++;
      process.stderr.write(`${f.path}: differs from what ${args.docsDir} generates\n`);
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content);
      process.stdout.write(`wrote ${f.path}\n`);
    }
  }
  if (!args.check) process.stdout.write(`generated ${files.length} files from ${args.docsDir}\n`);
  return stale > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof GenerateError) {
      process.stderr.write(`spec:generate: ${e.message}\n`);
    } else {
      process.stderr.write(`spec:generate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exitCode = 2;
  },
);
