// Progress of a bulk add: a bar on a terminal, plain `progress done/total` lines otherwise.
import { Presets, SingleBar } from "cli-progress";
import type { Io } from "./output.js";

export function startProgress(io: Io, total: number) {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: "adding {bar} {value}/{total} ({percentage}%) eta {eta_formatted}",
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  let last = -1;
  return {
    update: (done: number) => {
      if (done === last) return;
      last = done;
      io.err(`progress ${done}/${total}\n`);
    },
    stop: () => {},
  };
}
