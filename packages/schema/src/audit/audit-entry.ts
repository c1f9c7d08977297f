import { decodeGlobalID } from '@pothos/plugin-relay';
import { listAuditEntriesForPerson, type AuditEntry } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'En rad i loggen (loggpost): vem som läste eller ändrade vad, när och för vilken organisation.',
  fields: (t) => ({
    occurredAt: t.field({ type: 'DateTime', description: 'När (tidpunkt).', resolve: (e) => e.occurredAt }),
    userDisplayName: t.exposeString('userDisplayName', { description: 'Vem (användare).' }),
    action: t.exposeString('action', { description: 'Vad: read, create, update eller delete.' }),
    entityType: t.exposeString('entityType', { description: 'Vilken sorts uppgift.' }),
    entityId: t.exposeString('entityId', { description: 'Vilken uppgift.' }),
    purpose: t.exposeString('purpose', { nullable: true, description: 'I vilket sammanhang (ändamål).' }),
    requestId: t.exposeString('requestId', { description: 'Begärans id, för att följa i serverns logg.' }),
  }),
});

builder.queryField('auditEntries', (t) =>
  t.field({
    type: [AuditEntryRef],
    description: 'Vem har läst eller ändrat uppgifter om en person? (logguppföljning, för administratörer)',
    authScopes: { anyRole: ['administrator'] },
    args: { personId: t.arg.id({ required: true, description: 'Personens id (globalt id).' }) },
    resolve: (_root, args, context) => listAuditEntriesForPerson(sessionOf(context), decodeGlobalID(String(args.personId)).id),
  }),
);
