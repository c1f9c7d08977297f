import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { FollowUpChild } from '../../api/types';
import { BackLink } from '../../components/back-link';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ChildFollowUps } from './child-follow-ups';

/** /uppfoljning/barn/:childId — one child's follow-up timeline and the form to record a visit or review. */
export function ChildFollowUpsPage() {
  const { childId = '' } = useParams();
  const [child, setChild] = useState<FollowUpChild | null>(null);
  const title = child ? `Uppföljning: ${child.givenName} ${child.familyName}` : 'Uppföljning av barnet';
  useDocumentTitle(title);
  return (
    <>
      <BackLink to="/uppfoljning">Tillbaka till uppföljningen</BackLink>
      <h1>{title}</h1>
      <ChildFollowUps childId={childId} onLoaded={setChild} />
    </>
  );
}
