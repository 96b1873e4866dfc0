/** The logger every front end passes in (Probot's pino, @actions/core, or a test recorder). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
