import { Notice } from '../../components/Notice';
import type { DeclarationEstimateFragment } from '../../graphql/generated/graphql';
import { formatMoney, formatNumber } from '../../i18n/format';
import { categoryName } from './DeclarationArticlesStep';
import type { EstimateState } from './declarationsHooks';
import type { CachedRules } from './declarationsStore';
import { td, type DeclarationsKey } from './declarationsMessages';

const cny = (s: string) => formatMoney(Number(s), 'CNY');

export function ruleText(rule: string): string {
  return td(`declare.rule.${rule}` as DeclarationsKey);
}

/** Which customs channel to use, and why. */
export function DeclarationChannelAdvice({ estimate }: { estimate: Pick<DeclarationEstimateFragment, 'channel' | 'reasons'> }) {
  const red = estimate.channel === 'DECLARE';
  return (
    <Notice kind={red ? 'error' : 'success'} title={td(red ? 'declare.channel.DECLARE' : 'declare.channel.NOTHING_TO_DECLARE')}>
      {red ? (
        <ul>
          {estimate.reasons.map((r) => (
            <li key={r}>{td(`declare.reason.${r}` as DeclarationsKey)}</li>
          ))}
        </ul>
      ) : (
        <p>{td('declare.channel.greenBody')}</p>
      )}
    </Notice>
  );
}

/** The estimate line by line: value, allowance, taxable part, rate, duty, the rule and its legal basis. */
export function DeclarationEstimateLines({
  estimate,
  rules,
  names,
  descriptions,
}: {
  estimate: DeclarationEstimateFragment;
  rules: CachedRules | null;
  names: readonly string[];
  descriptions: Record<string, string>;
}) {
  return (
    <>
      <ol class="estimate-lines">
        {estimate.lines.map((line) => (
          <li key={line.articleKey} class="estimate-line">
            <h3 class="estimate-line__title">
              {descriptions[line.articleKey] || categoryName(rules, line.category)}
              {names.length > 1 ? ` · ${names[Number(line.travellerKey)] ?? ''}` : ''}
            </h3>
            <dl class="facts">
              <dt>{td('declare.estimate.category')}</dt>
              <dd>{categoryName(rules, line.category)}</dd>
              <dt>{td('declare.estimate.value')}</dt>
              <dd>{cny(line.valueCny)}</dd>
              <dt>{td('declare.estimate.allowance')}</dt>
              <dd>{cny(line.allowanceUsedCny)}</dd>
              <dt>{td('declare.estimate.taxable')}</dt>
              <dd>{cny(line.taxableCny)}</dd>
              <dt>{td('declare.estimate.rate')}</dt>
              <dd>{formatNumber(Number(line.rate), { style: 'percent' })}</dd>
              <dt>{td('declare.estimate.duty')}</dt>
              <dd>
                <strong>{cny(line.dutyCny)}</strong>
              </dd>
              <dt>{td('declare.estimate.rule')}</dt>
              <dd>{ruleText(line.rule)}</dd>
            </dl>
            {line.legalBasis && (
              <details class="details">
                <summary>{td('declare.estimate.legalBasis')}</summary>
                <p>{line.legalBasis}</p>
              </details>
            )}
          </li>
        ))}
      </ol>
      <dl class="summary-list estimate-total">
        <dt>{td('declare.estimate.totalValue')}</dt>
        <dd>{cny(estimate.valueCny)}</dd>
        <dt>{td('declare.estimate.totalTaxable')}</dt>
        <dd>{cny(estimate.taxableCny)}</dd>
        <dt>{td('declare.estimate.totalDuty')}</dt>
        <dd>
          <strong data-testid="estimate-duty">{cny(estimate.dutyCny)}</strong>
        </dd>
      </dl>
    </>
  );
}

export function DeclarationEstimateView({
  state,
  rules,
  names,
  descriptions = {},
  compact = false,
}: {
  state: EstimateState;
  rules: CachedRules | null;
  names: readonly string[];
  descriptions?: Record<string, string>;
  compact?: boolean;
}) {
  return (
    <section class="estimate" aria-labelledby="estimate-heading" aria-live="polite">
      <h2 id="estimate-heading">{td('declare.estimate.heading')}</h2>
      {state.kind === 'offline' && (
        <Notice title={td('declare.estimate.offlineTitle')}>
          <p data-testid="offline-estimate">{td('declare.estimate.offlineBody')}</p>
        </Notice>
      )}
      {(state.kind === 'loading' || state.kind === 'none') && <p>{td('declare.estimate.loading')}</p>}
      {state.kind === 'unavailable' && <p>{td('declare.estimate.unavailable')}</p>}
      {(state.kind === 'online' || state.kind === 'offline') &&
        (compact ? (
          <p class="lead">
            {td('declare.estimate.dutySoFar')} <strong data-testid="estimate-duty">{cny(state.estimate.dutyCny)}</strong>
          </p>
        ) : (
          <>
            <DeclarationEstimateLines estimate={state.estimate} rules={rules} names={names} descriptions={descriptions} />
            <DeclarationChannelAdvice estimate={state.estimate} />
            <p class="field__hint">
              {td('declare.estimate.basis', { version: state.estimate.ruleSetVersion, date: String(state.estimate.ratesDate) })}
            </p>
          </>
        ))}
    </section>
  );
}
