import { useEffect, useState } from 'preact/hooks';
import { PageHeading } from '../../components/PageHeading';
import { request } from '../../graphql/client';
import { HelpPublicFeedbackDocument, type HelpPublicFeedbackQuery } from '../../graphql/generated/graphql';
import { th, type HelpKey } from './helpMessages';
import './help.css';

export function HelpPublic() {
  const [items, setItems] = useState<HelpPublicFeedbackQuery['publicFeedback'] | undefined>(undefined);
  useEffect(() => {
    request(HelpPublicFeedbackDocument, {})
      .then((data) => setItems(data.publicFeedback))
      .catch(() => setItems([]));
  }, []);
  const title = th('public.title');
  return (
    <section class="page help">
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{th('public.lead')}</p>
      {items && items.length === 0 && <p>{th('public.empty')}</p>}
      {items && items.length > 0 && (
        <ul class="feedback-list">
          {items.map((item) => (
            <li class="feedback-item public-item" key={item.reference}>
              <p>
                <strong>{item.reference}</strong> · {th(`feedback.kind.${item.kind}` as HelpKey)}
              </p>
              <h2>{th('public.question')}</h2>
              <p>{item.message}</p>
              <h2>{th('public.reply')}</h2>
              <p>{item.reply}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
