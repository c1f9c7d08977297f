import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ChildGender } from '../../../api/types';
import { todayInSweden } from '../../../components/forms';
import { ErrorAlert, Loading } from '../../../components/page-states';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { DEVIATION_CATEGORY_LABELS, DEVIATION_LEVEL_LABELS, DISPUTE_SUBJECT_LABELS } from '../../deviations/labels';
import { DEVIATION_CATEGORIES, DEVIATION_LEVELS, DISPUTE_SUBJECTS } from '../../deviations/operations';
import { numberParam, useReport } from '../../reports/report-frame';
import { AreaTable, column, type AreaColumn } from './area-table';
import { ComparisonChart, type ComparisonGroup } from './comparison-chart';
import { NorrbusIndicatorsQuery, rowLookup, type Cell, type Indicator, type IndicatorArea, type NorrbusIndicators, type RowLookup } from './operations';
import './steering.css';

/** The Norrbus agreement runs from 2025; the follow-up can look back one year before it. */
const FIRST_YEAR = 2024;
const GENDERS: ChildGender[] = ['GIRL', 'BOY', 'OTHER'];
const GENDER_GROUP_LABELS: Record<ChildGender, string> = { GIRL: 'Flickor', BOY: 'Pojkar', OTHER: 'Annan könsidentitet' };

/**
 * /styrgrupp?ar=2026 — the steering group's (Samverkansstruktur målgrupp barn och unga) yearly
 * follow-up of Norrbus: per county part and municipality, by gender, the year against the one
 * before. Only aggregates: every figure is suppressed by the server before it gets here ("<3",
 * "x") and is shown as given. Anyone else gets the server's refusal.
 */
export function SteeringDashboardPage() {
  useDocumentTitle('Norrbus årsuppföljning');
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const year = numberParam(params.get('ar'), FIRST_YEAR, thisYear, thisYear);
  const state = useReport(NorrbusIndicatorsQuery, { year }, String(year), (data) => data.norrbusIndicators);
  return (
    <div className="report steering-report">
      <h1>Norrbus årsuppföljning</h1>
      <p className="lead report__lead">
        Indikatorer för Samverkansstruktur målgrupp barn och unga: Norrbusmöten, åtaganden, avvikelser och oenigheter per länsdel och kommun, för flickor, pojkar och annan könsidentitet, jämfört med året före. Inga personer visas.
      </p>
      <YearForm key={year} year={year} thisYear={thisYear} onSubmit={(next) => setParams({ ar: String(next) })} />
      <p>
        <Link to="/styrgrupp/avvikelser">Avvikelser som lyfts till länsdel och län (avidentifierade)</Link>
      </p>
      <aside className="alert alert--info indicator-legend" aria-label="Skydd av små tal">
        <p>
          Små tal visas inte. <strong>&lt;3</strong> betyder färre än tre. <strong>x</strong> betyder att värdet döljs så att ett litet tal inte kan räknas fram ur de andra. En andel eller ett antal dagar som bygger på färre än tre fall visas inte heller. <strong>–</strong> i kolumnen förändring betyder att något av åren är dolt.
        </p>
      </aside>
      {state.status === 'loading' && <Loading>Räknar indikatorerna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} />}
      {state.status === 'ready' && <Dashboard indicators={state.report} />}
    </div>
  );
}

function YearForm({ year, thisYear, onSubmit }: { year: number; thisYear: number; onSubmit: (year: number) => void }) {
  const id = useId();
  const [chosen, setChosen] = useState(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(chosen);
  }
  return (
    <form className="filters report__period" aria-label="År" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-year`}>År</label>
        <select id={`${id}-year`} value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </div>
    </form>
  );
}

interface SectionProps {
  indicators: NorrbusIndicators;
  lookup: RowLookup;
  county: IndicatorArea;
  parts: IndicatorArea[];
}

function Dashboard({ indicators }: { indicators: NorrbusIndicators }) {
  const lookup = rowLookup(indicators);
  const county = indicators.areas.find((a) => a.kind === 'COUNTY');
  if (!county) return <p>Det finns inga kommuner i länet att följa upp.</p>;
  const props: SectionProps = { indicators, lookup, county, parts: indicators.areas.filter((a) => a.kind === 'COUNTY_PART') };
  return (
    <>
      <p className="muted">
        {county.name}, {indicators.year} jämfört med {indicators.previousYear}. Räknat till och med {indicators.asOf}; föregående år räknas helt.
      </p>
      <KeyFigures {...props} />
      <MeetingsSection {...props} />
      <GenderSection {...props} />
      <CommitmentsSection {...props} />
      <DeviationsSection {...props} />
      <DisputesSection {...props} />
    </>
  );
}

/** A figure's this year, last year and change, as the three columns of a comparison. */
const compared = (label: string, indicator: Indicator, years: Pick<NorrbusIndicators, 'year' | 'previousYear'>): AreaColumn[] => [
  column(`${label} ${years.year}`, indicator, 'current'),
  column(`${label} ${years.previousYear}`, indicator, 'previous'),
  column(`${label}, förändring`, indicator, 'change'),
];

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="indicator-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p className="indicator-section__intro">{intro}</p>}
      {children}
    </section>
  );
}

function KeyFigures({ indicators, lookup, county }: SectionProps) {
  const figures: Array<[string, Indicator]> = [
    ['Hållna Norrbusmöten', 'MEETINGS_HELD'],
    ['Dagar från initiativ till första möte (median)', 'MEDIAN_DAYS_TO_FIRST_MEETING'],
    ['Åtaganden uppföljda', 'COMMITMENTS_FOLLOWED_UP_SHARE'],
    ['Åtaganden genomförda i tid', 'COMMITMENTS_DONE_ON_TIME_SHARE'],
    ['Avvikelser', 'DEVIATIONS_REPORTED'],
    ['Oenigheter', 'DISPUTES_RAISED'],
  ];
  return (
    <Section title={`Länet ${indicators.year}`}>
      <dl className="indicator-figures">
        {figures.map(([label, indicator]) => {
          const row = lookup(county.key, indicator);
          return (
            <div key={indicator} className="indicator-figure">
              <dt>{label}</dt>
              <dd className="indicator-figure__value">{row?.current.display ?? '–'}</dd>
              <dd className="indicator-figure__note">
                {indicators.previousYear}: {row?.previous.display ?? '–'} · förändring {row?.change.display ?? '–'}
              </dd>
            </div>
          );
        })}
      </dl>
    </Section>
  );
}

const groupsOf = (areas: readonly IndicatorArea[], lookup: RowLookup, indicator: Indicator, cell: Cell = 'TOTAL'): ComparisonGroup[] =>
  areas.flatMap((area) => {
    const row = lookup(area.key, indicator, cell);
    return row ? [{ key: area.key, label: area.name, current: row.current, previous: row.previous }] : [];
  });

function MeetingsSection({ indicators, lookup, parts }: SectionProps) {
  const tableId = useId();
  return (
    <Section title="Norrbusmöten" intro="Hållna möten räknas i den kommun där den unga bor. Dagar räknas från initiativet till det första mötet.">
      <ComparisonChart title="Hållna Norrbusmöten per länsdel" groups={groupsOf(parts, lookup, 'MEETINGS_HELD')} year={indicators.year} previousYear={indicators.previousYear} tableId={tableId} unit="möten" />
      <AreaTable
        id={tableId}
        caption={`Norrbusmöten per länsdel och kommun ${indicators.year}`}
        areas={indicators.areas}
        lookup={lookup}
        columns={[
            ...compared('Hållna', 'MEETINGS_HELD', indicators),
            column('Första möten', 'FIRST_MEETINGS'),
            column('Uppföljande möten', 'FOLLOW_UP_MEETINGS'),
            column('Dagar till första möte, median', 'MEDIAN_DAYS_TO_FIRST_MEETING'),
            column(`Median ${indicators.previousYear}`, 'MEDIAN_DAYS_TO_FIRST_MEETING', 'previous'),
            column('Dagar, medelvärde', 'MEAN_DAYS_TO_FIRST_MEETING'),
          ]}
      />
    </Section>
  );
}

function GenderSection({ indicators, lookup, county }: SectionProps) {
  const tableId = useId();
  const genderGroups = GENDERS.flatMap((gender) => {
    const row = lookup(county.key, 'MEETINGS_HELD', `GENDER:${gender}`);
    return row ? [{ key: gender, label: GENDER_GROUP_LABELS[gender], current: row.current, previous: row.previous }] : [];
  });
  const byGender = (indicator: Indicator, label: (gender: ChildGender) => string): AreaColumn[] => GENDERS.map((gender) => column(label(gender), indicator, 'current', `GENDER:${gender}`));
  return (
    <Section title="Flickor, pojkar och annan könsidentitet" intro="Jämställd behandling är ett uttalat mål i Norrbus. Små grupper döljs; därför kan också en större grupp bredvid vara dold.">
      <ComparisonChart title={`Hållna Norrbusmöten i ${county.name} per kön`} groups={genderGroups} year={indicators.year} previousYear={indicators.previousYear} tableId={tableId} unit="möten" />
      <AreaTable
        id={tableId}
        caption={`Hållna Norrbusmöten per kön, ${indicators.year} och ${indicators.previousYear}`}
        areas={indicators.areas}
        lookup={lookup}
        columns={[
          ...byGender('MEETINGS_HELD', (g) => `${GENDER_GROUP_LABELS[g]} ${indicators.year}`),
          ...GENDERS.map((gender) => column(`${GENDER_GROUP_LABELS[gender]} ${indicators.previousYear}`, 'MEETINGS_HELD', 'previous', `GENDER:${gender}`)),
          column('Totalt', 'MEETINGS_HELD'),
        ]}
      />
      <AreaTable
        caption={`Åtaganden genomförda i tid per kön ${indicators.year}, andel`}
        areas={indicators.areas}
        lookup={lookup}
        municipalities={false}
        columns={[...byGender('COMMITMENTS_DONE_ON_TIME_SHARE', (g) => GENDER_GROUP_LABELS[g]), column('Alla', 'COMMITMENTS_DONE_ON_TIME_SHARE')]}
      />
      <AreaTable
        caption={`Dagar från initiativ till första möte per kön ${indicators.year}, median`}
        areas={indicators.areas}
        lookup={lookup}
        municipalities={false}
        columns={[...byGender('MEDIAN_DAYS_TO_FIRST_MEETING', (g) => GENDER_GROUP_LABELS[g]), column('Alla', 'MEDIAN_DAYS_TO_FIRST_MEETING')]}
      />
    </Section>
  );
}

function CommitmentsSection({ indicators, lookup, parts }: SectionProps) {
  const tableId = useId();
  return (
    <Section
      title="Åtaganden"
      intro="Åtaganden vars uppföljningsdag infallit under året (för innevarande år till och med i dag). Genomfört i tid: utfallet genomfört registrerat senast på uppföljningsdagen."
    >
      <ComparisonChart title="Andel åtaganden genomförda i tid per länsdel" groups={groupsOf(parts, lookup, 'COMMITMENTS_DONE_ON_TIME_SHARE')} year={indicators.year} previousYear={indicators.previousYear} tableId={tableId} />
      <AreaTable
        id={tableId}
        caption={`Åtaganden per länsdel och kommun ${indicators.year}`}
        areas={indicators.areas}
        lookup={lookup}
        columns={[
            column('Att följa upp', 'COMMITMENTS_DUE'),
            column('Uppföljda', 'COMMITMENTS_FOLLOWED_UP'),
            ...compared('Andel uppföljda', 'COMMITMENTS_FOLLOWED_UP_SHARE', indicators),
            column('Genomförda i tid', 'COMMITMENTS_DONE_ON_TIME'),
            ...compared('Andel i tid', 'COMMITMENTS_DONE_ON_TIME_SHARE', indicators),
          ]}
      />
    </Section>
  );
}

function DeviationsSection({ indicators, lookup, county }: SectionProps) {
  const tableId = useId();
  const categoryGroups = DEVIATION_CATEGORIES.flatMap((category) => {
    const row = lookup(county.key, 'DEVIATIONS_REPORTED', `CATEGORY:${category}`);
    return row ? [{ key: category, label: DEVIATION_CATEGORY_LABELS[category], current: row.current, previous: row.previous }] : [];
  });
  return (
    <Section title="Avvikelser" intro="Avvikelser rapporterade under året, per slag och efter den nivå de hanteras på nu.">
      <p>
        <Link to="/styrgrupp/avvikelser">Se de avvikelser som lyfts till länsdel och län</Link>
      </p>
      <ComparisonChart title={`Avvikelser i ${county.name} per slag`} groups={categoryGroups} year={indicators.year} previousYear={indicators.previousYear} tableId={tableId} unit="avvikelser" />
      <AreaTable
        id={tableId}
        caption={`Avvikelser per slag ${indicators.year}`}
        areas={indicators.areas}
        lookup={lookup}
        columns={[...compared('Rapporterade', 'DEVIATIONS_REPORTED', indicators), ...DEVIATION_CATEGORIES.map((c) => column(DEVIATION_CATEGORY_LABELS[c], 'DEVIATIONS_REPORTED', 'current', `CATEGORY:${c}`))]}
      />
      <AreaTable
        caption={`Avvikelser per nivå och tid till avslut ${indicators.year}`}
        areas={indicators.areas}
        lookup={lookup}
        columns={[
          ...DEVIATION_LEVELS.map((l) => column(DEVIATION_LEVEL_LABELS[l], 'DEVIATIONS_REPORTED', 'current', `LEVEL:${l}`)),
          column('Avslutade', 'DEVIATIONS_CLOSED'),
          column('Dagar till avslut, median', 'MEDIAN_DAYS_TO_CLOSE_DEVIATION'),
        ]}
      />
    </Section>
  );
}

function DisputesSection({ indicators, lookup }: SectionProps) {
  return (
    <Section title="Oenigheter" intro="Oenigheter om ansvar eller kostnad för en insats, väckta under året.">
      <AreaTable
        caption={`Oenigheter per länsdel och kommun ${indicators.year}`}
        areas={indicators.areas}
        lookup={lookup}
        columns={[...compared('Väckta', 'DISPUTES_RAISED', indicators), column('Lösta', 'DISPUTES_RESOLVED'), ...DISPUTE_SUBJECTS.map((s) => column(DISPUTE_SUBJECT_LABELS[s], 'DISPUTES_RAISED', 'current', `SUBJECT:${s}`))]}
      />
    </Section>
  );
}
