import type { HouseholdMember } from '../api/types';
import { formatPersonalIdentityNumber } from '../lib/format';
import { HOUSEHOLD_ROLE_LABELS, labelOf } from '../lib/labels';
import { DataTable, EmptyRow } from './data-table';

/** The people of a household with their personnummer: personal data, whose reading the server logs. */
export function HouseholdTable({ members }: { members: HouseholdMember[] }) {
  return (
    <DataTable caption="Hushållsmedlemmar" captionHidden>
      <thead>
        <tr>
          <th scope="col">Namn</th>
          <th scope="col">Personnummer</th>
          <th scope="col">Roll</th>
        </tr>
      </thead>
      <tbody>
        {members.length === 0 && <EmptyRow columns={3}>Inga hushållsmedlemmar är registrerade.</EmptyRow>}
        {members.map((member) => (
          <tr key={member.id}>
            <th scope="row">
              {member.givenName} {member.familyName}
            </th>
            <td className="tabular">{formatPersonalIdentityNumber(member.personalIdentityNumber)}</td>
            <td>{labelOf(HOUSEHOLD_ROLE_LABELS, member.role)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
