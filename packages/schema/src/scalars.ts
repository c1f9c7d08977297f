import { isCalendarDate } from '@samverka/domain';
import { GraphQLError } from 'graphql';
import { builder } from './builder.js';

builder.scalarType('Date', {
  description: 'Ett datum (datum) skrivet ÅÅÅÅ-MM-DD.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new GraphQLError('Datumet finns inte. Ange det som ÅÅÅÅ-MM-DD.', { extensions: { code: 'VALIDATION_FAILED' } });
    }
    return value;
  },
});

builder.scalarType('DateTime', {
  description: 'En tidpunkt (tidpunkt) i ISO 8601 med tidszon.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const parsed = typeof value === 'string' ? new Date(value) : null;
    if (!parsed || Number.isNaN(parsed.getTime())) {
      throw new GraphQLError('Tidpunkten är inte giltig.', { extensions: { code: 'VALIDATION_FAILED' } });
    }
    return parsed;
  },
});

builder.queryType({ description: 'Frågor (läsning).' });
builder.mutationType({ description: 'Ändringar. Varje ändring sker i en transaktion: ett fel lämnar inget halvsparat.' });
