import { useRoute } from 'preact-iso';
import { DeclarationWizard } from '../features/declarations/DeclarationWizard';

export default function DeclareDraftRoute() {
  const { params } = useRoute();
  return <DeclarationWizard draftId={params.id ?? ''} step={params.step ?? 'trip'} item={params.item} />;
}
