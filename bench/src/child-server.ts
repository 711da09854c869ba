import { fork } from "node:child_process";

export interface ChildServer {
  url: string;
  close(): Promise<void>;
}

/** Forks the loopback server and resolves with its base URL once it listens. */
export function startLoopbackServer(): Promise<ChildServer> {
  const child = fork(new URL("./loopback-server.js", import.meta.url), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error("the loopback server did not start within 10 s"));
    }, 10_000);
    child.once("message", (message: { url: string }) => {
      clearTimeout(timer);
      resolve({ url: message.url, close });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the loopback server exited (code ${code})`));
    });
  });
}
