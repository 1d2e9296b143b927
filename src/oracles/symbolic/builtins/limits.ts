/** Widest row the built-in symbolic oracles accept: construction costs O(cols³) (≈ 1.5 s at 64). */
export const MAX_SYMBOLIC_COLS = 128;
