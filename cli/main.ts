import { readFile } from 'node:fs/promises';
import { modelCommand } from './model/command.ts';
import { substancesCommand } from './substances.ts';
import { rulesCommand } from './rules.ts';
import { classifyCommand } from './classify.ts';
import { assessCommand } from './assess.ts';
import { planCommand } from './plan.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';
import { UsageError, type CliIo } from './io.ts';
import { ENGINE_VERSION } from './version.ts';

interface Command {
  summary: string;
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** The `safedist` sub-commands (DESIGN.md "cli/"). */
const COMMANDS: Record<string, Command> = {
  assess: {
    summary: 'assess a project: individual and societal risk, contours, distances and verdicts (GB 36894)',
    usage:
      'safedist assess <project.json|project.sdp> [--json] [--out DIR] [--lang zh-CN|en] [--rules rules.json] [--engine fast|reference] [--workers N]',
    run: assessCommand,
  },
  plan: {
    summary:
      'for each non-compliant installation: the measures that make it comply, rectify or relocate, variant projects',
    usage:
      'safedist plan <project.json|project.sdp> [--json] [--out DIR] [--lang zh-CN|en] [--rules rules.json] [--candidate-site other.json]',
    run: planCommand,
  },
  model: {
    summary: 'run one consequence or vulnerability model on a JSON input (spec/model-cli.md)',
    usage: 'safedist model <name> [--input case.json]   |   safedist model --list',
    run: modelCommand,
  },
  substances: {
    summary: 'list the built-in substance library, or show one substance with units and sources',
    usage: 'safedist substances [id | 中文名 | English name | CAS] [--json]',
    run: substancesCommand,
  },
  rules: {
    summary: 'print a rule set with the source and confidence of every value (docs/rules.md)',
    usage:
      'safedist rules [--id GB36894-2018] [--version N] [--file rules.json] [--json]   |   safedist rules --list',
    run: rulesCommand,
  },
  import: {
    summary:
      'create or update a project file (.sdp) from a project JSON, a CSV of targets/areas or a DXF site plan',
    usage:
      'safedist import <project.json> --out <new.sdp>   |   safedist import <file.json|areas.csv|plan.dxf> --into <project.sdp> [--as …] [--replace] [--layer L] [--scale m] [--base x,y]',
    run: importCommand,
  },
  export: {
    summary:
      'write a project file (.sdp) as project JSON (exact), GeoJSON, KML or DXF (docs/project-files.md)',
    usage:
      'safedist export <project.sdp> --format json|geojson|kml|dxf [--out FILE] [--crs wgs84|cgcs2000-gk3|site]',
    run: exportCommand,
  },
  classify: {
    summary: 'GB 18218 Σq/Q, R and grade, and the GB/T 37243 §4 method per unit, with reasons',
    usage: 'safedist classify <project.json> [--json] [--rules rules.json]',
    run: classifyCommand,
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = [
    `safedist ${ENGINE_VERSION} — external safety distance of hazardous-chemical plants`,
    '(外部安全防护距离, GB/T 37243-2019; risk criteria GB 36894-2018)',
    '',
    'Usage: safedist <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(
      ([k, c]) => `  ${k.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`,
    ),
    '',
    'Options:',
    '  --help, -h     this help',
    '  --version, -v  the engine version',
    '',
    'Quantities in JSON inputs are SI numbers or unit strings ("25 mm", "7 bar", "20 degC"); pressures are absolute.',
    'Exit codes: 0 success, 1 internal error, 2 bad input or usage (one line on stderr naming the field).',
  ];
  return `${lines.join('\n')}\n`;
}

/** Standard streams of this process. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stderrIsTerminal: process.stderr.isTTY === true,
    readStdin: async () => {
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch (e) {
        throw new UsageError(
          `cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
      }
    },
  };
}

/**
 * Runs the CLI and returns the exit code: 0 success, 2 usage or input error (one line on stderr),
 * 1 unexpected failure.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${ENGINE_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.stderr(`safedist: unknown command '${first}' (see \`safedist --help\`)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`safedist: ${e.message}\n`);
      return 2;
    }
    io.stderr(`safedist: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
