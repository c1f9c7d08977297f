import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './index.js';

writeFileSync(new URL('../schema.graphql', import.meta.url), `${printSchema(schema)}\n`);
