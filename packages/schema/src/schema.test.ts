import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isObjectType, isInterfaceType, isInputObjectType, isEnumType, printSchema } from 'graphql';
import { schema } from './index.js';

describe('the published GraphQL schema', () => {
  it('matches the committed schema.graphql (run `npm run print-schema --workspace packages/schema` after a change)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    assert.equal(`${printSchema(schema)}\n`, committed);
  });

  it('describes every type and field, naming the Swedish term', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !['id', 'node', 'cursor', 'edges', 'pageInfo', 'data'].includes(field.name) && type.name !== 'PageInfo') undescribed.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
    }
    assert.deepEqual(undescribed, []);
  });
});
