// Paths of project files read at build time. Build output is bundled into dist/, so paths relative to a
// module's own URL would break; every npm script and test runs from the project root instead.
import { join } from 'node:path';

export const projectPath = (...parts: string[]): string => join(process.cwd(), ...parts);
