import { useId, useState } from 'react';
import type { ChildRecord, LegalBasis, PlacementDecision, PlacementDecisionMaker, PlacementKind } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { formatDate } from '../../lib/format';
import { LEGAL_BASIS_LABELS, PLACEMENT_DECISION_MAKER_LABELS, PLACEMENT_KIND_LABELS } from '../../lib/labels';
import type { OnChanged } from './child-page';
import { CancelPlacementDecisionMutation, InterruptPlacementDecisionMutation, RecordPlacementDecisionMutation } from './operations';
import { StepForm } from './step-form';

type Open = { form: 'record' } | { form: 'interrupt' | 'cancel'; decision: PlacementDecision } | null;

/** Where a decision stands: waiting to be carried out, carried out, interrupted or cancelled. */
export function decisionStatus(decision: PlacementDecision, executed: boolean): string {
  if (decision.cancelledOn) return `Upphävt ${formatDate(decision.cancelledOn)}: ${decision.cancellationReason ?? ''}`;
  if (!decision.favourable) return 'Avslag';
  if (decision.interruptedOn) return `Verkställigheten avbröts ${formatDate(decision.interruptedOn)}`;
  return executed ? 'Verkställt' : 'Väntar på verkställighet';
}

/** The decisions on placement, and the forms to record one, an interruption or a cancellation. */
export function DecisionsSection({ child, onChanged }: { child: ChildRecord; onChanged: OnChanged }) {
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const executed = (decision: PlacementDecision) => child.placements.some((p) => p.decision?.id === decision.id);
  const done = (message: string) => {
    setOpen(null);
    onChanged(message);
  };

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Beslut</h2>
      <DataTable caption="Beslut om placering" captionHidden>
        <thead>
          <tr>
            <th scope="col">Beslutsdatum</th>
            <th scope="col">Lagrum</th>
            <th scope="col">Placeringsform</th>
            <th scope="col">Insats</th>
            <th scope="col">Beslutsfattare</th>
            <th scope="col">Gynnande</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {child.placementDecisions.length === 0 && <EmptyRow columns={8}>Inget beslut är registrerat.</EmptyRow>}
          {child.placementDecisions.map((decision) => (
            <tr key={decision.id}>
              <th scope="row" className="tabular">
                {formatDate(decision.decidedOn)}
              </th>
              <td>{LEGAL_BASIS_LABELS[decision.legalBasis]}</td>
              <td>{PLACEMENT_KIND_LABELS[decision.kind]}</td>
              <td>
                {decision.intervention}
                {decision.childImpactAssessment && (
                  <details>
                    <summary>Barnkonsekvensanalys</summary>
                    <p>{decision.childImpactAssessment}</p>
                  </details>
                )}
              </td>
              <td>
                {decision.decisionMakerName}
                <span className="facts__sub">{PLACEMENT_DECISION_MAKER_LABELS[decision.decisionMakerKind]}</span>
              </td>
              <td>{decision.favourable ? 'Ja' : 'Nej'}</td>
              <td>{decisionStatus(decision, executed(decision))}</td>
              <td className="row-actions">
                {decision.favourable && !decision.cancelledOn && executed(decision) && (
                  <button type="button" className="button button--link" onClick={() => setOpen({ form: 'interrupt', decision })}>
                    Registrera avbrott<span className="visually-hidden"> i beslutet {formatDate(decision.decidedOn)}</span>
                  </button>
                )}
                {!decision.cancelledOn && (
                  <button type="button" className="button button--link" onClick={() => setOpen({ form: 'cancel', decision })}>
                    Upphäv beslutet<span className="visually-hidden"> {formatDate(decision.decidedOn)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>
        <button type="button" className="button button--secondary" aria-expanded={open?.form === 'record'} onClick={() => setOpen({ form: 'record' })}>
          Registrera beslut
        </button>
      </p>
      {open?.form === 'record' && <RecordDecisionForm child={child} onCancel={() => setOpen(null)} onDone={() => done('Beslutet är registrerat.')} />}
      {open?.form === 'interrupt' && <InterruptForm key={open.decision.id} decision={open.decision} onCancel={() => setOpen(null)} onDone={() => done('Avbrottet i verkställigheten är registrerat.')} />}
      {open?.form === 'cancel' && <CancelForm key={open.decision.id} decision={open.decision} onCancel={() => setOpen(null)} onDone={() => done('Beslutet är upphävt.')} />}
    </section>
  );
}

function RecordDecisionForm({ child, onCancel, onDone }: { child: ChildRecord; onCancel: () => void; onDone: () => void }) {
  const [legalBasis, setLegalBasis] = useState<LegalBasis>('SOL');
  const [kind, setKind] = useState<PlacementKind>('LONG_TERM');
  const [intervention, setIntervention] = useState('Placering i familjehem');
  const [decidedOn, setDecidedOn] = useState(todayInSweden);
  const [makerKind, setMakerKind] = useState<PlacementDecisionMaker>('COMMITTEE');
  const [makerName, setMakerName] = useState('');
  const [favourable, setFavourable] = useState<'yes' | 'no'>('yes');
  const [assessmentId, setAssessmentId] = useState(child.needsAssessments[0]?.id ?? '');
  const [impact, setImpact] = useState('');
  const form = useMutationForm(RecordPlacementDecisionMutation);
  return (
    <StepForm
      title="Registrera beslut"
      failureTitle="Beslutet kunde inte registreras"
      submitLabel="Registrera beslut"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        const input = {
          childId: child.id,
          needsAssessmentId: assessmentId || null,
          legalBasis,
          kind,
          intervention: intervention.trim() || null,
          decidedOn,
          decisionMakerKind: makerKind,
          decisionMakerName: makerName,
          favourable: favourable === 'yes',
          childImpactAssessment: impact.trim() || null,
        };
        if (await form.submit({ input })) onDone();
      }}
    >
      <RadioGroup<LegalBasis> legend="Lagrum" name="legal-basis" value={legalBasis} options={(['SOL', 'LVU_2', 'LVU_3'] as const).map((value) => ({ value, label: LEGAL_BASIS_LABELS[value] }))} onChange={setLegalBasis} error={form.fieldError('legalBasis')} />
      <RadioGroup<PlacementKind> legend="Placeringsform" name="kind" value={kind} options={(['EMERGENCY', 'LONG_TERM', 'UPBRINGING'] as const).map((value) => ({ value, label: PLACEMENT_KIND_LABELS[value] }))} onChange={setKind} error={form.fieldError('kind')} />
      <div className="field-row">
        <Field label="Insats" error={form.fieldError('intervention')}>
          {(props) => <input {...props} value={intervention} onChange={(e) => setIntervention(e.target.value)} />}
        </Field>
        <Field label="Beslutsdatum" error={form.fieldError('decidedOn')}>
          {(props) => <input {...props} type="date" required max={todayInSweden()} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />}
        </Field>
        <Field label="Utredning" error={form.fieldError('needsAssessmentId')}>
          {(props) => (
            <select {...props} value={assessmentId} onChange={(e) => setAssessmentId(e.target.value)}>
              <option value="">Ingen</option>
              {child.needsAssessments.map((assessment) => (
                <option key={assessment.id} value={assessment.id}>
                  Inledd {formatDate(assessment.startedOn)}
                  {assessment.completedOn ? `, avslutad ${formatDate(assessment.completedOn)}` : ', pågår'}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <RadioGroup<PlacementDecisionMaker>
        legend="Beslutsfattare"
        name="maker-kind"
        value={makerKind}
        options={(['COMMITTEE', 'DELEGATE', 'CHAIR'] as const).map((value) => ({ value, label: PLACEMENT_DECISION_MAKER_LABELS[value] }))}
        onChange={setMakerKind}
        error={form.fieldError('decisionMakerKind')}
      />
      <Field label="Nämndens namn eller beslutsfattarens befattning" error={form.fieldError('decisionMakerName')}>
        {(props) => <input {...props} required value={makerName} onChange={(e) => setMakerName(e.target.value)} />}
      </Field>
      <RadioGroup<'yes' | 'no'>
        legend="Gynnande beslut"
        name="favourable"
        value={favourable}
        options={[
          { value: 'yes', label: 'Ja, beviljar placering' },
          { value: 'no', label: 'Nej, avslag' },
        ]}
        onChange={setFavourable}
        error={form.fieldError('favourable')}
      />
      <Field label="Barnkonsekvensanalys" hint="Valfri" error={form.fieldError('childImpactAssessment')}>
        {(props) => <textarea {...props} value={impact} onChange={(e) => setImpact(e.target.value)} />}
      </Field>
    </StepForm>
  );
}

function InterruptForm({ decision, onCancel, onDone }: { decision: PlacementDecision; onCancel: () => void; onDone: () => void }) {
  const [interruptedOn, setInterruptedOn] = useState(todayInSweden);
  const form = useMutationForm(InterruptPlacementDecisionMutation);
  return (
    <StepForm
      title={`Registrera avbrott i beslutet ${formatDate(decision.decidedOn)}`}
      failureTitle="Avbrottet kunde inte registreras"
      submitLabel="Registrera avbrott"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        if (await form.submit({ input: { id: decision.id, expectedVersion: decision.version, interruptedOn } })) onDone();
      }}
    >
      <p className="muted">Ett avbrott som varar i tre månader rapporteras till IVO som ett ej verkställt beslut.</p>
      <Field label="Avbrutet" error={form.fieldError('interruptedOn')}>
        {(props) => <input {...props} type="date" required min={decision.decidedOn} max={todayInSweden()} value={interruptedOn} onChange={(e) => setInterruptedOn(e.target.value)} />}
      </Field>
    </StepForm>
  );
}

function CancelForm({ decision, onCancel, onDone }: { decision: PlacementDecision; onCancel: () => void; onDone: () => void }) {
  const [cancelledOn, setCancelledOn] = useState(todayInSweden);
  const [reason, setReason] = useState('');
  const form = useMutationForm(CancelPlacementDecisionMutation);
  return (
    <StepForm
      title={`Upphäv beslutet ${formatDate(decision.decidedOn)}`}
      failureTitle="Beslutet kunde inte upphävas"
      submitLabel="Upphäv beslutet"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        if (await form.submit({ input: { id: decision.id, expectedVersion: decision.version, cancelledOn, reason } })) onDone();
      }}
    >
      <div className="field-row">
        <Field label="Upphävt" error={form.fieldError('cancelledOn')}>
          {(props) => <input {...props} type="date" required min={decision.decidedOn} max={todayInSweden()} value={cancelledOn} onChange={(e) => setCancelledOn(e.target.value)} />}
        </Field>
        <Field label="Skäl" error={form.fieldError('reason')}>
          {(props) => <input {...props} required value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
    </StepForm>
  );
}
