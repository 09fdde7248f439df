import { useRoute } from 'preact-iso';
import { DeclarationView } from '../features/declarations/DeclarationView';

export default function DeclarationRoute() {
  const { params } = useRoute();
  return <DeclarationView id={params.id ?? ''} />;
}
