import { z } from 'zod';
import { configSchema } from '../src/core/config-schema.js';

/** The published JSON schema of `.github/postmortem.yml`, generated from the zod schema. */
export const jsonSchema = JSON.stringify(
  {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    $id: 'https://hindsight.dev/schema/postmortem-config.json',
    title: 'Hindsight configuration (.github/postmortem.yml)',
  },
  null,
  2,
);
