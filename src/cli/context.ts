/** What a command gets from the outside world; tests pass their own. */
export interface CliContext {
  cwd: string;
  now: Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
