import { createInterface } from 'node:readline/promises';

/** Asks a question on the terminal; with no terminal (a pipe) reads the next line of input. */
export async function ask(question: string): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY ?? false,
  });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}
