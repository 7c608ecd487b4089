// `npm run engine -- <command> …`. Exit status: 0 done, 1 an error (its message, no stack trace;
// set INFER_LAB_DEBUG=1 for one), 2 bad command line (with the usage text).
import { runGenerate } from './generate-command.ts';
import { UsageError, usage } from './usage.ts';

const commands: Record<string, (args: string[], out: (line: string) => void) => Promise<void>> = {
  generate: runGenerate,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (
    name === undefined ||
    name === '-h' ||
    name === '--help' ||
    args.includes('-h') ||
    args.includes('--help')
  ) {
    console.log(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (!command)
      throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`);
    await command(args, (line) => console.log(line));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message}`);
    if (process.env.INFER_LAB_DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
