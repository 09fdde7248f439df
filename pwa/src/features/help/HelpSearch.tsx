import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { request } from '../../graphql/client';
import { HelpSearchDocument, type HelpSearchQuery } from '../../graphql/generated/graphql';
import { HelpHighlighted } from './HelpHighlighted';
import { th, type HelpKey } from './helpMessages';
import './help.css';

type Hit = HelpSearchQuery['search']['hits'][number];

function hrefOf(hit: Hit): string {
  if (hit.kind === 'ARTICLE') return `/help/articles/${encodeURIComponent(hit.key)}`;
  if (hit.kind === 'SERVICE_ITEM') return `/services/items/${encodeURIComponent(hit.key)}`;
  if (hit.kind === 'DUTY_CATEGORY') return '/declare';
  return '/inbox';
}

export function HelpSearch() {
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  const [text, setText] = useState(initial);
  const [asked, setAsked] = useState(initial);
  const [result, setResult] = useState<HelpSearchQuery['search'] | undefined>(undefined);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (!asked.trim()) {
      setResult(undefined);
      return;
    }
    let live = true;
    request(HelpSearchDocument, { text: asked.trim() })
      .then((data) => {
        if (!live) return;
        setOffline(false);
        setResult(data.search);
      })
      .catch(() => {
        if (live) setOffline(true);
      });
    return () => {
      live = false;
    };
  }, [asked]);

  const submit = (event: Event) => {
    event.preventDefault();
    const q = text.trim();
    history.replaceState(null, '', q ? `/help?q=${encodeURIComponent(q)}` : '/help');
    setAsked(q);
  };

  const title = th('help.title');
  return (
    <section class="page help">
      <PageHeading title={title}>{title}</PageHeading>
      <p class="lead">{th('help.lead')}</p>
      <form class="help-search" role="search" onSubmit={submit}>
        <Field
          id="help-search"
          label={th('help.search')}
          hint={th('help.searchHint')}
          value={text}
          inputMode="search"
          maxLength={100}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <Button type="submit">{th('help.searchButton')}</Button>
      </form>
      {offline && <Notice>{th('help.offline')}</Notice>}
      {result && (
        <section aria-labelledby="help-results">
          <h2 id="help-results">{th('help.results')}</h2>
          {result.corrections.length > 0 && <p class="help-corrected">{th('help.corrected', { words: result.corrections.join(', ') })}</p>}
          {result.hits.length === 0 ? (
            <p>{th('help.noResults')}</p>
          ) : (
            <ol class="help-hits">
              {result.hits.map((hit) => (
                <li class="help-hit" key={`${hit.kind}:${hit.key}`}>
                  <p class="help-hit__kind">{th(`help.kind.${hit.kind}` as HelpKey)}</p>
                  <a class="help-hit__title" href={hrefOf(hit)} lang={hit.language}>
                    <HelpHighlighted text={hit.title} ranges={hit.titleHighlights} />
                  </a>
                  <p class="help-hit__summary" lang={hit.language}>
                    <HelpHighlighted text={hit.summary} ranges={hit.summaryHighlights} />
                  </p>
                  {hit.isFallback && <p class="help-hit__fallback">{th('help.shownIn', { language: th(`help.language.${hit.language}` as HelpKey) })}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <ul class="help-links">
        <li>
          <a href="/help/feedback">{th('help.links.feedback')}</a>
        </li>
        <li>
          <a href="/help/public">{th('help.links.public')}</a>
        </li>
      </ul>
    </section>
  );
}
