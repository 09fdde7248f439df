import { useRoute } from 'preact-iso';
import { DeclarationSent } from '../features/declarations/DeclarationSent';

export default function DeclareSentRoute() {
  const { params } = useRoute();
  return <DeclarationSent submissionKey={params.key ?? ''} />;
}
