import { useCallback, useEffect, useId, useState } from 'react';
import { useParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import type { ChildRecord } from '../../api/types';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { BackLink } from '../../components/back-link';
import { PageLoadState, type UnreadyState } from '../../components/page-states';
import { formatDate, formatPersonalIdentityNumber } from '../../lib/format';
import { CHILD_GENDER_LABELS, CHILD_IDENTITY_KIND_LABELS, GUARDIAN_RELATION_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ChildFollowUps } from '../follow-ups/child-follow-ups';
import { identityText } from './children-page';
import { DecisionsSection } from './decisions-section';
import { EditChildForm } from './edit-child-form';
import { NeedsAssessmentsSection } from './needs-assessments-section';
import { ChildQuery } from './operations';
import { PlacementsSection } from './placements-section';
import './placements.css';

type ChildState = UnreadyState | { status: 'ready'; child: ChildRecord };

/** Keyed by id so that moving to another child starts from a clean state. */
export function ChildRoute() {
  const { id = '' } = useParams();
  return <ChildPage key={id} id={id} />;
}

/** What a section tells the record after a change: what to announce; the record then reloads. */
export type OnChanged = (message: string) => void;

/**
 * /barn/:id — the child record: identity, guardians and worker; the utredningar, decisions and
 * placements, each with the form for the next step; and the follow-up of the placement.
 */
function ChildPage({ id }: { id: string }) {
  const headingIds = { facts: useId(), guardians: useId() };
  const [state, setState] = useState<ChildState>({ status: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const [editing, setEditing] = useState(false);
  const [message, announce] = useAnnouncement();

  useDocumentTitle(state.status === 'ready' ? `${state.child.givenName} ${state.child.familyName}` : state.status === 'not-found' ? 'Barnet hittades inte' : 'Barn');

  useEffect(
    () =>
      startQuery(
        ChildQuery,
        { id },
        ({ child }) => setState(child ? { status: 'ready', child } : { status: 'not-found' }),
        // After a change the record stays on screen; only a first load shows the failure page.
        (failure) => setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', message: failure })),
      ),
    [id, reloadCount],
  );

  const changed: OnChanged = useCallback(
    (text) => {
      announce(text);
      setReloadCount((n) => n + 1);
    },
    [announce],
  );

  const backLink = <BackLink to="/barn">Alla barn</BackLink>;
  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        backLink={backLink}
        loading="Hämtar barnets uppgifter…"
        errorHeading="Barnets uppgifter kunde inte visas"
        notFoundHeading="Barnet hittades inte"
        notFound="Barnet finns inte, eller så är det inte din kommuns barn. Kontrollera länken eller gå tillbaka till listan."
        onRetry={() => setReloadCount((n) => n + 1)}
      />
    );
  }

  const { child } = state;
  return (
    <>
      {backLink}
      <div className="page-title">
        <h1>
          {child.givenName} {child.familyName}
        </h1>
        <p className="page-title__meta">
          {child.age} år, {child.placingMunicipality.name}
        </p>
      </div>
      <p className="notice">
        <strong>Visningen loggas.</strong> Barnets akt innehåller personuppgifter. Varje gång den visas registreras det i loggen vem som tittade och när.
      </p>
      <Announcement message={message} />

      <section aria-labelledby={headingIds.facts} className="panel">
        <h2 id={headingIds.facts}>Uppgifter</h2>
        <dl className="facts">
          <div>
            <dt>{CHILD_IDENTITY_KIND_LABELS[child.identityKind]}</dt>
            <dd className="tabular">{identityText(child)}</dd>
          </div>
          <div>
            <dt>Födelsedatum</dt>
            <dd className="tabular">{formatDate(child.birthDate)}</dd>
          </div>
          <div>
            <dt>Kön</dt>
            <dd>{CHILD_GENDER_LABELS[child.gender]}</dd>
          </div>
          <div>
            <dt>Handläggare</dt>
            <dd>{child.assignedWorker?.displayName ?? '–'}</dd>
          </div>
          <div>
            <dt>Placerad i</dt>
            <dd>{child.currentPlacement?.fosterHome.name ?? 'Inte placerad'}</dd>
          </div>
        </dl>
        <h3 id={headingIds.guardians} className="subheading">
          Vårdnadshavare
        </h3>
        {child.guardians.length === 0 ? (
          <p className="muted">Inga vårdnadshavare är registrerade.</p>
        ) : (
          <ul aria-labelledby={headingIds.guardians} className="plain-list">
            {child.guardians.map((guardian) => (
              <li key={guardian.id}>
                {guardian.name}, {GUARDIAN_RELATION_LABELS[guardian.relation].toLowerCase()}
                {guardian.personalIdentityNumber && <span className="muted tabular"> ({formatPersonalIdentityNumber(guardian.personalIdentityNumber)})</span>}
              </li>
            ))}
          </ul>
        )}
        <p>
          <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
            Ändra uppgifter
          </button>
        </p>
        {editing && (
          <EditChildForm
            key={child.version}
            child={child}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              changed('Barnets uppgifter är sparade.');
            }}
            onReload={() => changed('Barnets uppgifter är omladdade. Du ser nu den senaste versionen.')}
          />
        )}
      </section>

      <NeedsAssessmentsSection child={child} onChanged={changed} />
      <DecisionsSection child={child} onChanged={changed} />
      <PlacementsSection child={child} onChanged={changed} />
      <ChildFollowUps key={reloadCount} childId={child.id} />
    </>
  );
}
