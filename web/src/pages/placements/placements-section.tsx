import { useEffect, useId, useState } from 'react';
import { startQuery } from '../../api/graphql';
import type { ChildPlacement, ChildRecord, FreePlace, PlacementDecision } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, todayInSweden, useMutationForm } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, PLACEMENT_KIND_LABELS } from '../../lib/labels';
import type { OnChanged } from './child-page';
import { EndPlacementMutation, MovePlacementMutation, PlaceChildMutation, PlacementHomesQuery, UpdatePlacementDocumentsMutation } from './operations';
import { StepForm } from './step-form';

type Open = { form: 'place' } | { form: 'move' | 'end' | 'documents'; placement: ChildPlacement } | null;

const END_REASONS = ['Återförening med vårdnadshavare', 'Vårdnadsöverflyttning', 'Barnet har fyllt 18 år', 'Placering i HVB', 'Den unge har avvikit från familjehemmet'];

/** Decisions a placement can carry out: favourable and not cancelled. */
const placeable = (decisions: PlacementDecision[]) => decisions.filter((d) => d.favourable && !d.cancelledOn);

const decisionText = (decision: PlacementDecision) => `${PLACEMENT_KIND_LABELS[decision.kind]}, beslut ${formatDate(decision.decidedOn)}`;

/** The child's placements in order, with who approved each home, the agreement and the plans. */
export function PlacementsSection({ child, onChanged }: { child: ChildRecord; onChanged: OnChanged }) {
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const decisions = placeable(child.placementDecisions);
  const ongoing = child.placements.find((p) => p.ongoing);
  const done = (message: string) => {
    setOpen(null);
    onChanged(message);
  };

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Placeringar</h2>
      <DataTable caption="Barnets placeringar, senaste först" captionHidden note="Godkänt av: den nämnd som godkände hemmet och den som utredde det, enligt godkännandet som gällde när placeringen började.">
        <thead>
          <tr>
            <th scope="col">Familjehem</th>
            <th scope="col">Godkänt av</th>
            <th scope="col">Start</th>
            <th scope="col">Planerat slut</th>
            <th scope="col">Slut</th>
            <th scope="col">Avtal och planer</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {child.placements.length === 0 && <EmptyRow columns={7}>Barnet har inte varit placerat.</EmptyRow>}
          {child.placements.map((placement) => (
            <tr key={placement.id}>
              <th scope="row">
                {placement.fosterHome.name}
                <span className="facts__sub">{FOSTER_HOME_KIND_LABELS[placement.fosterHome.kind]}</span>
              </th>
              <td>
                {placement.approval ? (
                  <>
                    {placement.approval.decidedBy.name} {formatDate(placement.approval.decidedOn)}
                    <span className="facts__sub">Utrett av {placement.approval.assessedBy.name}</span>
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td className="tabular">{formatDate(placement.startsOn)}</td>
              <td className="tabular">{formatDate(placement.plannedEndOn)}</td>
              <td>
                {placement.endedOn ? (
                  <>
                    <span className="tabular">{formatDate(placement.endedOn)}</span>
                    <span className="facts__sub">{placement.endReason}</span>
                  </>
                ) : (
                  'Pågår'
                )}
              </td>
              <td>
                <dl className="placement-documents">
                  <dt>Familjehemsavtal</dt>
                  <dd className="tabular">{formatDate(placement.agreementSignedOn)}</dd>
                  <dt>Vårdplan</dt>
                  <dd className="tabular">{formatDate(placement.carePlanOn)}</dd>
                  <dt>Genomförandeplan</dt>
                  <dd className="tabular">{formatDate(placement.implementationPlanOn)}</dd>
                </dl>
              </td>
              <td className="row-actions">
                {placement.ongoing && (
                  <>
                    <button type="button" className="button button--link" onClick={() => setOpen({ form: 'move', placement })}>
                      Flytta<span className="visually-hidden"> från {placement.fosterHome.name}</span>
                    </button>
                    <button type="button" className="button button--link" onClick={() => setOpen({ form: 'end', placement })}>
                      Avsluta placering<span className="visually-hidden"> i {placement.fosterHome.name}</span>
                    </button>
                  </>
                )}
                <button type="button" className="button button--link" onClick={() => setOpen({ form: 'documents', placement })}>
                  Avtal och planer<span className="visually-hidden"> för {placement.fosterHome.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {!ongoing &&
        (decisions.length > 0 ? (
          <p>
            <button type="button" className="button button--secondary" aria-expanded={open?.form === 'place'} onClick={() => setOpen({ form: 'place' })}>
              Placera barnet
            </button>
          </p>
        ) : (
          <p className="muted">Ett gynnande beslut om placering behövs innan barnet kan placeras.</p>
        ))}
      {open?.form === 'place' && <PlaceForm child={child} decisions={decisions} onCancel={() => setOpen(null)} onDone={() => done('Barnet är placerat.')} />}
      {open?.form === 'move' && <MoveForm key={open.placement.id} child={child} placement={open.placement} decisions={decisions} onCancel={() => setOpen(null)} onDone={() => done('Flytten är registrerad.')} />}
      {open?.form === 'end' && <EndForm key={open.placement.id} placement={open.placement} onCancel={() => setOpen(null)} onDone={() => done('Placeringen är avslutad.')} />}
      {open?.form === 'documents' && <DocumentsForm key={open.placement.id} placement={open.placement} onCancel={() => setOpen(null)} onDone={() => done('Avtal och planer är sparade.')} />}
    </section>
  );
}

/**
 * Approved homes with a free place today that fit the decision's kind and the child's age: jourhem
 * for an emergency decision, the other homes for a long-term one.
 */
function usePlacementHomes(decision: PlacementDecision | undefined, childAge: number) {
  const [homes, setHomes] = useState<FreePlace[]>([]);
  const [error, setError] = useState<string | null>(null);
  const emergency = decision?.kind === 'EMERGENCY';
  useEffect(() => {
    if (!decision) return undefined;
    return startQuery(
      PlacementHomesQuery,
      { filter: { childAge, ...(emergency ? { kind: 'EMERGENCY' as const } : {}) } },
      ({ freePlaces }) => setHomes(freePlaces.filter((place) => emergency === (place.kind === 'EMERGENCY'))),
      setError,
    );
  }, [decision, emergency, childAge]);
  return { homes, error };
}

function HomeSelect({ homes, value, onChange, error, label }: { homes: FreePlace[]; value: string; onChange: (id: string) => void; error: string | undefined; label: string }) {
  return (
    <Field label={label} hint="Godkända hem med lediga platser i dag som passar beslutet och barnets ålder" error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Välj familjehem</option>
          {homes.map((place) => (
            <option key={place.home.id} value={place.home.id}>
              {place.home.name}, {place.municipality.name} ({FOSTER_HOME_KIND_LABELS[place.kind].toLowerCase()}, {place.freePlaces} {place.freePlaces === 1 ? 'ledig plats' : 'lediga platser'})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DecisionSelect({ decisions, value, onChange, error }: { decisions: PlacementDecision[]; value: string; onChange: (id: string) => void; error: string | undefined }) {
  return (
    <Field label="Beslut som verkställs" error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          {decisions.map((decision) => (
            <option key={decision.id} value={decision.id}>
              {decisionText(decision)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const orNull = (value: string) => (value ? value : null);

function PlaceForm({ child, decisions, onCancel, onDone }: { child: ChildRecord; decisions: PlacementDecision[]; onCancel: () => void; onDone: () => void }) {
  const [decisionId, setDecisionId] = useState(decisions[0]?.id ?? '');
  const decision = decisions.find((d) => d.id === decisionId);
  const { homes, error } = usePlacementHomes(decision, child.age);
  const [homeId, setHomeId] = useState('');
  const [startsOn, setStartsOn] = useState(todayInSweden);
  const [plannedEndOn, setPlannedEndOn] = useState('');
  const [agreementSignedOn, setAgreementSignedOn] = useState('');
  const form = useMutationForm(PlaceChildMutation);
  return (
    <StepForm
      title="Placera barnet"
      failureTitle="Barnet kunde inte placeras"
      submitLabel="Placera barnet"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        const input = { childId: child.id, decisionId, fosterHomeId: homeId, startsOn, plannedEndOn: orNull(plannedEndOn), agreementSignedOn: orNull(agreementSignedOn) };
        if (await form.submit({ input })) onDone();
      }}
    >
      {error && <ErrorAlert message={`Familjehemmen kunde inte hämtas. ${error}`} />}
      <DecisionSelect decisions={decisions} value={decisionId} onChange={setDecisionId} error={form.fieldError('decisionId')} />
      <HomeSelect label="Familjehem" homes={homes} value={homeId} onChange={setHomeId} error={form.fieldError('fosterHomeId')} />
      <div className="field-row">
        <Field label="Start" error={form.fieldError('startsOn')}>
          {(props) => <input {...props} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
        </Field>
        <Field label="Planerat slut" hint="Valfritt" error={form.fieldError('plannedEndOn')}>
          {(props) => <input {...props} type="date" value={plannedEndOn} onChange={(e) => setPlannedEndOn(e.target.value)} />}
        </Field>
        <Field label="Familjehemsavtal undertecknat" hint="Valfritt" error={form.fieldError('agreementSignedOn')}>
          {(props) => <input {...props} type="date" max={todayInSweden()} value={agreementSignedOn} onChange={(e) => setAgreementSignedOn(e.target.value)} />}
        </Field>
      </div>
    </StepForm>
  );
}

function MoveForm({ child, placement, decisions, onCancel, onDone }: { child: ChildRecord; placement: ChildPlacement; decisions: PlacementDecision[]; onCancel: () => void; onDone: () => void }) {
  const [decisionId, setDecisionId] = useState(placement.decision && decisions.some((d) => d.id === placement.decision!.id) ? placement.decision.id : (decisions[0]?.id ?? ''));
  const decision = decisions.find((d) => d.id === decisionId);
  const { homes, error } = usePlacementHomes(decision, child.age);
  const [homeId, setHomeId] = useState('');
  const [movedOn, setMovedOn] = useState(todayInSweden);
  const [agreementSignedOn, setAgreementSignedOn] = useState('');
  const form = useMutationForm(MovePlacementMutation);
  return (
    <StepForm
      title={`Flytta från ${placement.fosterHome.name}`}
      failureTitle="Flytten kunde inte registreras"
      submitLabel="Flytta barnet"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        const input = { id: placement.id, expectedVersion: placement.version, movedOn, toFosterHomeId: homeId, decisionId: decisionId || null, agreementSignedOn: orNull(agreementSignedOn) };
        if (await form.submit({ input })) onDone();
      }}
    >
      <p className="muted">Placeringen avslutas flyttdagen och nästa placering börjar samma dag.</p>
      {error && <ErrorAlert message={`Familjehemmen kunde inte hämtas. ${error}`} />}
      <DecisionSelect decisions={decisions} value={decisionId} onChange={setDecisionId} error={form.fieldError('decisionId')} />
      <HomeSelect label="Nytt familjehem" homes={homes.filter((place) => place.home.id !== placement.fosterHome.id)} value={homeId} onChange={setHomeId} error={form.fieldError('toFosterHomeId')} />
      <div className="field-row">
        <Field label="Flyttdatum" error={form.fieldError('movedOn')}>
          {(props) => <input {...props} type="date" required min={placement.startsOn} max={todayInSweden()} value={movedOn} onChange={(e) => setMovedOn(e.target.value)} />}
        </Field>
        <Field label="Familjehemsavtal med det nya hemmet" hint="Valfritt" error={form.fieldError('agreementSignedOn')}>
          {(props) => <input {...props} type="date" max={todayInSweden()} value={agreementSignedOn} onChange={(e) => setAgreementSignedOn(e.target.value)} />}
        </Field>
      </div>
    </StepForm>
  );
}

function EndForm({ placement, onCancel, onDone }: { placement: ChildPlacement; onCancel: () => void; onDone: () => void }) {
  const reasonsId = useId();
  const [endedOn, setEndedOn] = useState(todayInSweden);
  const [endReason, setEndReason] = useState('');
  const form = useMutationForm(EndPlacementMutation);
  return (
    <StepForm
      title={`Avsluta placeringen i ${placement.fosterHome.name}`}
      failureTitle="Placeringen kunde inte avslutas"
      submitLabel="Avsluta placering"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        if (await form.submit({ input: { id: placement.id, expectedVersion: placement.version, endedOn, endReason } })) onDone();
      }}
    >
      <div className="field-row">
        <Field label="Slutdatum" error={form.fieldError('endedOn')}>
          {(props) => <input {...props} type="date" required min={placement.startsOn} max={todayInSweden()} value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />}
        </Field>
        <Field label="Skäl" error={form.fieldError('endReason')}>
          {(props) => <input {...props} required list={reasonsId} value={endReason} onChange={(e) => setEndReason(e.target.value)} />}
        </Field>
        <datalist id={reasonsId}>
          {END_REASONS.map((reason) => (
            <option key={reason} value={reason} />
          ))}
        </datalist>
      </div>
    </StepForm>
  );
}

function DocumentsForm({ placement, onCancel, onDone }: { placement: ChildPlacement; onCancel: () => void; onDone: () => void }) {
  const [agreementSignedOn, setAgreementSignedOn] = useState(placement.agreementSignedOn ?? '');
  const [carePlanOn, setCarePlanOn] = useState(placement.carePlanOn ?? '');
  const [implementationPlanOn, setImplementationPlanOn] = useState(placement.implementationPlanOn ?? '');
  const [plannedEndOn, setPlannedEndOn] = useState(placement.plannedEndOn ?? '');
  const form = useMutationForm(UpdatePlacementDocumentsMutation);
  const today = todayInSweden();
  return (
    <StepForm
      title={`Avtal och planer, ${placement.fosterHome.name}`}
      failureTitle="Avtal och planer kunde inte sparas"
      submitLabel="Spara"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        const input = {
          id: placement.id,
          expectedVersion: placement.version,
          agreementSignedOn: orNull(agreementSignedOn),
          carePlanOn: orNull(carePlanOn),
          implementationPlanOn: orNull(implementationPlanOn),
          plannedEndOn: orNull(plannedEndOn),
        };
        if (await form.submit({ input })) onDone();
      }}
    >
      <p className="muted">Ett senare datum för vårdplanen eller genomförandeplanen registrerar en revidering.</p>
      <div className="field-row">
        <Field label="Familjehemsavtal undertecknat" error={form.fieldError('agreementSignedOn')}>
          {(props) => <input {...props} type="date" max={today} value={agreementSignedOn} onChange={(e) => setAgreementSignedOn(e.target.value)} />}
        </Field>
        <Field label="Vårdplan" error={form.fieldError('carePlanOn')}>
          {(props) => <input {...props} type="date" max={today} value={carePlanOn} onChange={(e) => setCarePlanOn(e.target.value)} />}
        </Field>
        <Field label="Genomförandeplan" error={form.fieldError('implementationPlanOn')}>
          {(props) => <input {...props} type="date" max={today} value={implementationPlanOn} onChange={(e) => setImplementationPlanOn(e.target.value)} />}
        </Field>
        <Field label="Planerat slut" error={form.fieldError('plannedEndOn')}>
          {(props) => <input {...props} type="date" min={placement.startsOn} value={plannedEndOn} onChange={(e) => setPlannedEndOn(e.target.value)} />}
        </Field>
      </div>
    </StepForm>
  );
}
