import { randomBytes } from "node:crypto";
import { ArchiveBusyError } from "../ingest/archive.js";
import { startServer, type RunningServer } from "../http/server.js";
import type { VanbanQueue } from "../queue/queue.js";
import type { ServeCommand } from "./args.js";
import { EXIT, pipelineOrNull, untilStopped, type ExitCode, type Io } from "./io.js";
import { withQueue } from "./queue.js";

/** Runs the server until SIGINT or SIGTERM, then lets the uploads in hand finish. */
export async function runServe(command: ServeCommand, io: Io): Promise<ExitCode> {
  const config = pipelineOrNull(command.pipelinePath, io);
  if (config === null) return EXIT.usage;
  const token = command.token ?? randomBytes(18).toString("base64url");
  const serve = async (queue?: VanbanQueue): Promise<ExitCode> => {
    let server: RunningServer;
    try {
      server = await startServer(
        { archiveDir: command.archive, token, host: command.host, port: command.port, ...(command.workers === null ? {} : { workers: command.workers }) },
        { config, ...(queue === undefined ? {} : { queue }) },
      );
    } catch (error) {
      if (error instanceof ArchiveBusyError) {
        io.stderr(`vanban: ${error.message}\n`);
        return EXIT.inputFailed;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
        io.stderr(`vanban: cannot listen on ${command.host}:${command.port}: ${code === "EADDRINUSE" ? "the port is taken (try --port)" : code}\n`);
        return EXIT.inputFailed;
      }
      throw error;
    }
    io.stderr(
      `vanban: serving ${server.url}/ over archive ${command.archive} (${queue === undefined ? "embedded pipeline" : `queue ${queue.config.prefix}: start 'vanban worker' processes`})\n` +
        (command.token === null ? `vanban: review page with this session's token (set VANBAN_TOKEN to choose one): ${server.url}/?token=${token}\n` : "vanban: write routes need Authorization: Bearer $VANBAN_TOKEN\n") +
        "vanban: Ctrl-C stops after the uploads in hand\n",
    );
    await untilStopped();
    io.stderr("vanban: stopping\n");
    await server.close();
    return EXIT.ok;
  };
  return command.target === null ? serve() : withQueue(command.target, io, serve);
}
