import { HelpFeedback } from '../features/help/HelpFeedback';

export default function HelpFeedbackRoute() {
  return <HelpFeedback />;
}
