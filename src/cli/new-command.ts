import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { newPostmortemPath, renderTemplate, reviewDueDate, withTemplate } from '../core/index.js';
import { validDate } from '../core/time.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';
import { loadSetup } from './load-setup.js';

export interface NewOptions {
  title?: string;
  template?: string;
  severity?: string;
  incident?: string;
  owner?: string;
  date?: string;
  config?: string;
}

/** `hindsight new`: renders a template into `<directory>/YYYY-MM-DD-slug.md`, never overwriting. */
export async function newCommand(options: NewOptions, context: CliContext): Promise<number> {
  const title = options.title?.trim();
  if (!title) throw new UsageError('hindsight new needs --title "What happened".');
  const setup = await loadSetup(context, options.config);
  const templateName = options.template ?? setup.config.template;
  const template = setup.templates.get(templateName);
  if (!template)
    throw new UsageError(
      `Unknown template "${templateName}"; templates: ${[...setup.templates.keys()].join(', ')}.`,
    );
  if (options.severity && !setup.config.severities.includes(options.severity)) {
    throw new UsageError(
      `--severity must be one of ${setup.config.severities.join(', ')}, not "${options.severity}".`,
    );
  }
  const incident = options.incident?.replace(/^#/, '');
  if (incident !== undefined && !/^(?:[\w.-]+\/[\w.-]+#)?\d+$/.test(incident)) {
    throw new UsageError(
      `--incident takes an issue number (123) or owner/repo#123, not "${options.incident}".`,
    );
  }
  if (options.owner && !/^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(options.owner)) {
    throw new UsageError(`--owner takes a GitHub handle such as @octocat, not "${options.owner}".`);
  }
  const date = options.date ?? context.now.toISOString().slice(0, 10);
  if (!validDate(date))
    throw new UsageError(`--date must be a day written YYYY-MM-DD, not "${date}".`);

  const path = newPostmortemPath(setup.config.directory, date, title);
  const rendered = renderTemplate(template, {
    title,
    incident: incident === undefined ? null : /^\d+$/.test(incident) ? Number(incident) : incident,
    date,
    severity: options.severity ?? null,
    owner: options.owner ? `@${options.owner.replace(/^@/, '')}` : null,
    reviewers: [],
    tags: [],
    services: [],
    due: reviewDueDate(date, setup.config.reviewDueBusinessDays),
  });
  // The file must name its template, or lint would judge it against the configured default.
  const text =
    templateName === setup.config.template ? rendered : withTemplate(rendered, templateName);
  const absolute = resolve(context.cwd, path);
  await refuseLinks(context.cwd, dirname(absolute));
  await mkdir(dirname(absolute), { recursive: true });
  try {
    // `wx` (O_CREAT | O_EXCL) neither overwrites nor follows a link in the file's own place.
    await writeFile(absolute, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(
        `${path} already exists; it was left as it is. Choose another --title or --date.`,
      );
    }
    throw error;
  }
  context.stdout(`${path}\n`);
  context.stderr(
    `Created ${path} from the "${template.name}" template. Fill it in, then run: hindsight lint ${path}\n`,
  );
  return 0;
}

/**
 * Refuses to write through a symbolic link between the working directory and the file's folder:
 * `postmortems -> /etc` (committed by anyone) must not make `new` create files elsewhere. Checked
 * before mkdir, which would otherwise create folders through the link.
 */
async function refuseLinks(cwd: string, folder: string): Promise<void> {
  let at = resolve(cwd);
  for (const part of relative(at, folder).split(sep).filter(Boolean)) {
    at = resolve(at, part);
    const entry = await lstat(at).catch(() => null);
    if (!entry) return;
    if (entry.isSymbolicLink()) {
      throw new UsageError(
        `${relative(cwd, at)} is a symbolic link; hindsight new does not write through links. Make it a real folder, or set \`directory\` in the config to one.`,
      );
    }
  }
}
