// The parts of jstat (no published types) that the evaluation engines use.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  interface JStat {
    chisquare: Distribution;
    normal: Distribution;
    studentt: Distribution;
  }
  const jStat: JStat;
  export default jStat;
}
