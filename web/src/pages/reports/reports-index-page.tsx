import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { operation, startQuery } from '../../api/graphql';
import type { IvoFosterChildList } from '../../api/types';
import { todayInSweden } from '../../components/forms';
import { useDocumentTitle } from '../../lib/use-document-title';
import { IvoDeadlineWarning } from './ivo-list-page';
import './reports.css';

type IvoDeadline = Pick<IvoFosterChildList, 'year' | 'dueOn' | 'daysUntilDue' | 'deadlineApproaching'>;

const IvoDeadlineQuery = operation<{ ivoFosterChildList: IvoDeadline }, { year: number }>(/* GraphQL */ `
  query IvoDeadline($year: Int!) {
    ivoFosterChildList(year: $year) {
      year
      dueOn
      daysUntilDue
      deadlineApproaching
    }
  }
`);

const REPORTS = [
  {
    to: '/rapporter/ej-verkstallda',
    title: 'Ej verkställda beslut',
    description: 'Kvartalsrapporten till IVO och fullmäktige om gynnande beslut som inte verkställts inom tre månader: beslutsdatum, insats, kön och hur länge beslutet väntat.',
  },
  {
    to: '/rapporter/ivo-familjehem',
    title: 'Barn i familjehem – förteckning till IVO',
    description: 'Den årliga förteckningen över barn som varit placerade i familjehem, med hem, hemmets kommun och slag av placering. Lämnas senast 31 januari.',
  },
  {
    to: '/rapporter/socialstyrelsen',
    title: 'Socialstyrelsens register över insatser för barn och unga',
    description: 'Varje placering under året med personnummer, insats, beslutsdatum, start, slut och lagrum.',
  },
  {
    to: '/rapporter/placeringar',
    title: 'Placerade barn i familjehem',
    description: 'Hur många av kommunens barn som är placerade en viss dag, per typ av hem och som jour eller stadigvarande placering.',
  },
] as const;

/** /rapporter — the statutory reports of the municipality's placements, with the IVO deadline in January. */
export function ReportsIndexPage() {
  useDocumentTitle('Rapporter');
  const [deadline, setDeadline] = useState<IvoDeadline | null>(null);
  // The list due this January is the one for last year; outside January the warning stays hidden.
  useEffect(() => startQuery(IvoDeadlineQuery, { year: Number(todayInSweden().slice(0, 4)) - 1 }, (data) => setDeadline(data.ivoFosterChildList)), []);

  return (
    <div className="report">
      <h1>Rapporter</h1>
      <p className="lead">Kommunens lagstadgade rapporter om placerade barn. Varje rapport kan laddas ner som CSV och skrivas ut.</p>
      {deadline && <IvoDeadlineWarning list={deadline} />}
      <ul className="report-list">
        {REPORTS.map((report) => (
          <li key={report.to} className="panel">
            <h2>
              <Link to={report.to}>{report.title}</Link>
            </h2>
            <p>{report.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
