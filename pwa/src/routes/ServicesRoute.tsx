import { ServicesCatalogue } from '../features/services/ServicesCatalogue';

export default function ServicesRoute() {
  return <ServicesCatalogue />;
}
