import { categoryName } from './declarationsHooks';
import type { DeclarationDraftData } from './declarationsModel';
import type { CachedRules } from './declarationsStore';
import { td } from './declarationsMessages';

/** A short description of a draft, to compare two versions side by side. */
export function DeclarationDraftSummary({ draft, rules }: { draft: DeclarationDraftData; rules: CachedRules | null }) {
  return (
    <dl class="facts">
      <dt>{td('declare.review.trip')}</dt>
      <dd>
        {[draft.portCode, draft.travelNumber, draft.scheduledDate, draft.scheduledTime].filter(Boolean).join(' · ') || '—'}
      </dd>
      <dt>{td('declare.review.companions')}</dt>
      <dd>{draft.hasCompanions === 'yes' ? draft.companions.map((c) => c.fullName).join(', ') || '—' : td('declare.none')}</dd>
      <dt>{td('declare.review.articles')}</dt>
      <dd>
        {draft.articles.length
          ? draft.articles.map((a) => `${a.description || categoryName(rules, a.categoryCode)} ×${a.quantity}`).join(', ')
          : td('declare.none')}
      </dd>
    </dl>
  );
}
