import cliProgress from 'cli-progress';

/** A progress bar on a terminal, quiet lines otherwise (CI logs, --json). */
export function progressBar(label: string, enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) {
    let last = -1;
    return {
      update(done: number, total: number) {
        const pct = Math.floor((done / total) * 10) * 10;
        if (enabled && pct !== last) {
          last = pct;
          process.stderr.write(`${label}: ${pct}%\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
