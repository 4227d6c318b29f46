/** A progress bar on stderr when it is a terminal; silent otherwise (logs and CI stay clean). */
export const progressBar = (total: number, label: string) => {
  const tty = process.stderr.isTTY;
  return (done: number) => {
    if (!tty) return;
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(ratio * 30);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${Math.round(ratio * 100)}% ${done} rows`,
    );
    if (ratio === 1) process.stderr.write('\n');
  };
};
