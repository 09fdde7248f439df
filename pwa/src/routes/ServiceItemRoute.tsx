import { useRoute } from 'preact-iso';
import { ServicesItem } from '../features/services/ServicesItem';

export default function ServiceItemRoute() {
  const { params } = useRoute();
  return <ServicesItem code={params.code ?? ''} />;
}
