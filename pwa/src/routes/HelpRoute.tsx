import { HelpSearch } from '../features/help/HelpSearch';

export default function HelpRoute() {
  return <HelpSearch />;
}
