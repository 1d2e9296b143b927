/**
 * Derivative programs are expensive to build (O(n³) for an n-wide softmax) and cheap to evaluate,
 * so they are built once per distinct formula set and kept (at most 64, oldest dropped first).
 */
import { buildProgram, type Program, type ProgramSpec } from './program.js';

const LIMIT = 64;
const programs = new Map<string, Program>();
let builds = 0;

/** The program for `spec`, built on first use. `fn` names the public caller in errors. */
export function cachedProgram(fn: string, spec: ProgramSpec): Program {
  const key = JSON.stringify([spec.expressions, spec.variables, spec.parameters ?? []]);
  const hit = programs.get(key);
  if (hit !== undefined) {
    programs.delete(key);
    programs.set(key, hit);
    return hit;
  }
  const program = buildProgram(fn, spec);
  builds++;
  programs.set(key, program);
  if (programs.size > LIMIT) programs.delete(programs.keys().next().value!);
  return program;
}

/** How many programs were built so far (for tests and benchmarks). */
export function programBuilds(): number {
  return builds;
}

/** Drops every cached program (benchmarks measure cold builds with it). */
export function clearProgramCache(): void {
  programs.clear();
}
