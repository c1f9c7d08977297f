import { formatDate } from '../../lib/format';

/** Each party's position in a dispute, as the parties and the steering group see them. */
export function PositionList({ positions }: { positions: ReadonlyArray<{ organisation: { id: string; name: string }; position: string | null; statedOn: string | null }> }) {
  return (
    <dl className="facts positions">
      {positions.map((p) => (
        <div key={p.organisation.id}>
          <dt>{p.organisation.name}</dt>
          <dd>
            {p.position ?? <span className="muted">Ingen ståndpunkt angiven</span>}
            {p.statedOn && <span className="facts__sub">{formatDate(p.statedOn)}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
