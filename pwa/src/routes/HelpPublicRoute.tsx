import { HelpPublic } from '../features/help/HelpPublic';

export default function HelpPublicRoute() {
  return <HelpPublic />;
}
