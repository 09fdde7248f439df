import { Notice } from '../../components/Notice';
import type { DeclarationEstimateFragment } from '../../graphql/generated/graphql';
import { formatMoney, formatNumber } from '../../i18n/format';
import { categoryName, type EstimateState } from './declarationsHooks';
import type { CachedRules } from './declarationsStore';
import { td, type DeclarationsKey } from './declarationsMessages';

const cny = (s: string) => formatMoney(Number(s), 'CNY');

export function ruleText(rule: string): string {
  return td(`declare.rule.${rule}` as DeclarationsKey);
}

type EstimateLine = DeclarationEstimateFragment['lines'][number];

/** Rules under which the allowance chose among articles: then say how it chose. */
const CHOSEN = new Set(['allowance_some_units', 'not_chosen']);

function choiceBasis(rules: CachedRules | null): string {
  if (!rules) return '';
  try {
    const data = JSON.parse(rules.rules.ruleSetJson) as { allowance_choice?: { basis?: string } };
    return data.allowance_choice?.basis ?? '';
  } catch {
    return '';
  }
}

/** How the allowance chose whole articles (most duty saved), with its source: only where it chose. */
export function DeclarationAllowanceChoice({ lines, rules }: { lines: readonly EstimateLine[]; rules: CachedRules | null }) {
  if (!lines.some((l) => CHOSEN.has(l.rule))) return null;
  const basis = choiceBasis(rules);
  return (
    <Notice title={td('declare.estimate.choiceTitle')}>
      <p data-testid="allowance-choice">{td('declare.estimate.choiceBody')}</p>
      {basis && (
        <details class="details">
          <summary>{td('declare.estimate.choiceBasis')}</summary>
          <p>{basis}</p>
        </details>
      )}
    </Notice>
  );
}

/** One article's line in a sentence: placed in another band, covered or taxed, and why. */
export function DeclarationLineExplanation({ line, rules, quantity }: { line: EstimateLine; rules: CachedRules | null; quantity?: number }) {
  const placed = line.declaredCategory && line.declaredCategory !== line.category;
  const exempt = line.dutyCny === '0.00' && line.taxableCny === '0.00';
  return (
    <div class="line-explanation" data-testid={`explain-${line.articleKey}`}>
      {placed && (
        <p data-testid="placed-in-band">
          {td('declare.estimate.placedInBand', {
            category: categoryName(rules, line.category),
            declared: categoryName(rules, line.declaredCategory),
          })}
        </p>
      )}
      <p>
        <strong>
          {exempt
            ? line.rule === 'alcohol_limit' || line.rule === 'tobacco_limit'
              ? td('declare.article.explain.withinLimit')
              : td('declare.article.explain.exempt')
            : td('declare.article.explain.taxed', {
                duty: cny(line.dutyCny),
                taxable: cny(line.taxableCny),
                rate: formatNumber(Number(line.rate), { style: 'percent' }),
              })}
        </strong>
        {line.rule === 'allowance' ? '' : ` · ${ruleText(line.rule)}`}
        {quantity !== undefined && quantity > 1 && line.rule === 'allowance_some_units'
          ? ` · ${td('declare.estimate.unitsExemptValue', { n: line.unitsExempt, total: quantity })}`
          : ''}
      </p>
    </div>
  );
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
              <dd>
                {categoryName(rules, line.category)}
                {line.declaredCategory && line.declaredCategory !== line.category && (
                  <span class="field__hint" data-testid="placed-in-band">
                    {' '}
                    {td('declare.estimate.placedInBand', {
                      category: categoryName(rules, line.category),
                      declared: categoryName(rules, line.declaredCategory),
                    })}
                  </span>
                )}
              </dd>
              <dt>{td('declare.estimate.value')}</dt>
              <dd>{cny(line.valueCny)}</dd>
              <dt>{td('declare.estimate.allowance')}</dt>
              <dd>{cny(line.allowanceUsedCny)}</dd>
              {line.rule === 'allowance_some_units' && (
                <>
                  <dt>{td('declare.estimate.unitsExempt')}</dt>
                  <dd>{formatNumber(line.unitsExempt)}</dd>
                </>
              )}
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
      <DeclarationAllowanceChoice lines={estimate.lines} rules={rules} />
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
          <>
            <p class="lead">
              {td('declare.estimate.dutySoFar')} <strong data-testid="estimate-duty">{cny(state.estimate.dutyCny)}</strong>
            </p>
            <DeclarationAllowanceChoice lines={state.estimate.lines} rules={rules} />
          </>
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
