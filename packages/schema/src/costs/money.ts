import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';

/** Money crosses the API as whole öre in a JSON number: exact, and wide enough for any budget. */
builder.scalarType('Money', {
  description: 'Ett belopp i öre (1 kr = 100 öre) som ett heltal; exakt upp till 2^53.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new GraphQLError('Beloppet ska anges i hela ören, som ett heltal.', { extensions: { code: 'VALIDATION_FAILED' } });
    }
    return value;
  },
});
