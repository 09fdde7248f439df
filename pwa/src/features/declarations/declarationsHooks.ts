// Shared state for the declaration screens: the cached rules and ports, the declarant's profile
// and the live (or offline) duty estimate.
import { now } from '../../clock';
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { DeclarationDutyEstimateDocument, type DeclarationEstimateFragment } from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { online } from '../../offline/network';
import { me, refreshMe } from '../identity/identitySession';
import { estimateDuty, type RatesJson, type RuleSetJson } from './DeclarationDuty';
import {
  articleToInput,
  estimableArticles,
  estimateTravellers,
  offlineEstimateInput,
  restrictedYes,
  travellerResidency,
  type DeclarantProfile,
  type DeclarationDraftData,
} from './declarationsModel';
import { cachedProfile, cachedRules, refreshRules, storeProfile, type CachedRules } from './declarationsStore';

export interface Localized {
  zhHans: string;
  zhHant: string;
  en: string;
}

export function localized(text: Localized): string {
  const l = locale.value;
  return l === 'en' ? text.en : l === 'zh-Hant' ? text.zhHant : text.zhHans;
}

export function categoryName(rules: CachedRules | null, code: string): string {
  const category = rules?.rules.categories.find((c) => c.code === code);
  return category ? localized(category.name) : code;
}

/** Cached rules at once, then fresh ones from the server; `offline` when only the cache answered. */
export function useRules(): { rules: CachedRules | null; offline: boolean; failed: boolean } {
  const [rules, setRules] = useState<CachedRules | null>(null);
  const [offline, setOffline] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void cachedRules().then((c) => live && c && setRules((r) => r ?? c));
    refreshRules()
      .then((fresh) => live && (setRules(fresh), setOffline(false)))
      .catch(async () => {
        if (!live) return;
        setOffline(true);
        if (!(await cachedRules())) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, []);
  return { rules, offline, failed };
}

/** Who is declaring: from `me` when the server answers, else the copy cached on this device. */
export function useDeclarantProfile(): DeclarantProfile | null | undefined {
  const account = me.value;
  const [cached, setCached] = useState<DeclarantProfile | null | undefined>(undefined);
  useEffect(() => {
    void refreshMe();
    void cachedProfile().then(setCached);
  }, []);
  const person = account?.person;
  const fresh: DeclarantProfile | null = person
    ? {
        fullName: person.fullName,
        isResident: person.isResident,
        dateOfBirth: person.dateOfBirth ? String(person.dateOfBirth) : null,
        documentType: person.documentType,
        documentNumberMasked: person.documentNumberMasked,
      }
    : null;
  const freshJson = fresh ? JSON.stringify(fresh) : '';
  useEffect(() => {
    if (fresh) void storeProfile(fresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [freshJson]);
  return fresh ?? cached;
}

export type EstimateState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'online'; estimate: DeclarationEstimateFragment }
  | { kind: 'offline'; estimate: DeclarationEstimateFragment }
  | { kind: 'unavailable' };

/** The estimate in the server's (camelCase) shape, computed here from the cached rules. */
export function offlineEstimate(
  rules: CachedRules,
  draft: DeclarationDraftData,
  profile: DeclarantProfile | null,
): DeclarationEstimateFragment {
  const input = offlineEstimateInput(draft, profile, now());
  const ruleSet = JSON.parse(rules.rules.ruleSetJson) as RuleSetJson;
  // Arriving at a port facing Hong Kong or Macau is arriving from there (as on the server).
  const fromHkMacau = draft.direction !== 'DEPARTING' && (ruleSet.hk_macau_ports ?? []).includes(draft.portCode.toUpperCase());
  const result = estimateDuty({
    ...input,
    travellers: input.travellers.map((t) => ({
      ...t,
      from_hk_macau: fromHkMacau,
      frequent_crosser: fromHkMacau && draft.frequentCrosser === 'yes',
    })),
    rules: ruleSet,
    rates: JSON.parse(rules.rules.ratesJson) as RatesJson,
  });
  return {
    dutyCny: result.duty_cny,
    valueCny: result.value_cny,
    taxableCny: result.taxable_cny,
    channel: result.channel,
    reasons: result.reasons,
    ruleSetVersion: result.rule_set_version,
    ratesDate: result.rates_date,
    lines: result.lines.map((l) => ({
      articleKey: l.article_key,
      travellerKey: l.traveller_key,
      category: l.category,
      declaredCategory: l.declared_category,
      valueCny: l.value_cny,
      allowanceUsedCny: l.allowance_used_cny,
      unitsExempt: l.units_exempt,
      taxableCny: l.taxable_cny,
      rate: l.rate,
      dutyCny: l.duty_cny,
      rule: l.rule,
      legalBasis: l.legal_basis,
    })),
    travellers: result.travellers.map((t) => ({
      travellerKey: t.traveller_key,
      allowanceCny: t.allowance_cny,
      allowanceWithDutyFreeCny: t.allowance_with_duty_free_cny,
      allowanceUsedCny: t.allowance_used_cny,
      valueCny: t.value_cny,
      taxableCny: t.taxable_cny,
      dutyCny: t.duty_cny,
      reasons: t.reasons,
    })),
  };
}

const ESTIMATE_DEBOUNCE_MS = 400;

/**
 * Online: the server's estimate, debounced while the person types. Offline (or server down):
 * computed here with DeclarationDuty.ts from the cached rules, and marked as such.
 */
export function useEstimate(
  draft: DeclarationDraftData,
  profile: DeclarantProfile | null | undefined,
  rules: CachedRules | null,
): EstimateState {
  const [state, setState] = useState<EstimateState>({ kind: 'none' });
  const seq = useRef(0);
  const companions = draft.hasCompanions === 'yes' ? draft.companions : [];
  const articles = estimableArticles({ ...draft, companions });
  const cash = draft.hasCash === 'yes' ? draft.cash : [];
  const key = JSON.stringify([articles, companions, cash, draft.restricted, draft.direction, draft.portCode, draft.frequentCrosser, profile]);
  // Back online: the server's estimate replaces the offline one at once.
  const isOnline = online.value;
  useEffect(() => {
    const mine = ++seq.current;
    const local = () => {
      if (!rules) return setState({ kind: 'unavailable' });
      try {
        setState({ kind: 'offline', estimate: offlineEstimate(rules, draft, profile ?? null) });
      } catch {
        setState({ kind: 'unavailable' });
      }
    };
    if (!isOnline) {
      local();
      return;
    }
    setState((s) => (s.kind === 'none' ? { kind: 'loading' } : s));
    const timer = setTimeout(() => {
      const effective = { ...draft, companions };
      request(DeclarationDutyEstimateDocument, {
        travellers: estimateTravellers(draft, profile ?? null),
        articles: articles.map((a) => articleToInput(a, travellerResidency(effective, profile ?? null, a.traveller))),
        cash: cash.map((c) => ({ traveller: c.traveller, currency: c.currency, amount: c.amount.trim() || '0' })),
        restrictedYes: restrictedYes(draft),
        direction: draft.direction ?? 'ARRIVING',
        portCode: draft.portCode,
        frequentCrosser: draft.frequentCrosser === 'yes',
      })
        .then((data) => {
          if (mine !== seq.current) return;
          const result = data.dutyEstimate;
          if (result.__typename === 'DutyEstimate') setState({ kind: 'online', estimate: result });
          else local();
        })
        .catch(() => mine === seq.current && local());
    }, ESTIMATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, rules, isOnline]);
  return state;
}
