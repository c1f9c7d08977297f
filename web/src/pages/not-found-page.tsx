import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Sidan finns inte');
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>Adressen du följde leder inte till någon sida i Samverka.</p>
      <p>
        <Link to="/familjehem">Gå till familjehemsregistret</Link>
      </p>
    </>
  );
}
