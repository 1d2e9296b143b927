/** Reading a report.json given on the command line: a missing file is GC_USAGE, a bad one GC_REPORT. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GradcheckError } from '../errors.js';
import { parseReport, type Report } from './engine.js';

/**
 * @example
 * const report = await readReport('reports/latest/report.json', process.cwd());
 */
export async function readReport(path: string, cwd: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (e) {
    throw new GradcheckError(
      'GC_USAGE',
      'gradcheck',
      `report ${JSON.stringify(path)} must be a readable file (${(e as Error).message})`,
      {
        arg: path,
        cause: e,
      },
    );
  }
  try {
    return parseReport(text);
  } catch (e) {
    throw new GradcheckError(
      'GC_REPORT',
      'gradcheck',
      `${path} must be a gradcheck report.json (${(e as Error).message})`,
      {
        arg: path,
        cause: e,
      },
    );
  }
}
