// The learning-curve table as the page gets it (scripts/viteLearningCurveTable.ts).
declare module 'virtual:learning-curve-table' {
  /** JSON lines (header, then rows) with every row's test field emptied; null when the checkout has no table. */
  const text: string | null;
  export default text;
}
