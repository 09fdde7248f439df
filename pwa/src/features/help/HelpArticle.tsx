import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { request } from '../../graphql/client';
import { HelpArticleDocument, type HelpArticleQuery } from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { cacheGet, cachePut } from '../../offline/cache';
import { CACHE_KEYS } from '../../offline/keys';
import { th, type HelpKey } from './helpMessages';
import './help.css';

type Article = NonNullable<HelpArticleQuery['knowledgeArticle']>;
type State = { kind: 'loading' } | { kind: 'shown'; article: Article; saved: boolean } | { kind: 'missing' } | { kind: 'unavailable' };

/** An article, readable signed out; every article opened is kept on this device for offline reading. */
export function HelpArticle({ slug }: { slug: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const language = locale.value;

  useEffect(() => {
    let live = true;
    const key = CACHE_KEYS.helpArticle(slug, language);
    request(HelpArticleDocument, { slug })
      .then(async (data) => {
        if (!live) return;
        const article = data.knowledgeArticle;
        if (!article) {
          setState({ kind: 'missing' });
          return;
        }
        setState({ kind: 'shown', article, saved: false });
        await cachePut(key, article);
      })
      .catch(async () => {
        const saved = await cacheGet<Article>(key);
        if (!live) return;
        setState(saved ? { kind: 'shown', article: saved, saved: true } : { kind: 'unavailable' });
      });
    return () => {
      live = false;
    };
  }, [slug, language]);

  if (state.kind === 'loading') return <section class="page help" aria-busy="true" />;
  if (state.kind !== 'shown') {
    const message = th(state.kind === 'missing' ? 'help.article.notFound' : 'help.article.unavailable');
    return (
      <section class="page help">
        <PageHeading title={th('help.title')}>{th('help.title')}</PageHeading>
        <Notice kind="error">{message}</Notice>
        <p>
          <a href="/help">{th('help.search')}</a>
        </p>
      </section>
    );
  }
  const { article, saved } = state;
  return (
    <article class="page help help-article" lang={article.language}>
      <PageHeading title={article.title}>{article.title}</PageHeading>
      {saved && <Notice>{th('help.article.savedCopy')}</Notice>}
      {article.isFallback && <Notice>{th('help.article.fallback', { language: th(`help.language.${article.language}` as HelpKey) })}</Notice>}
      <p class="help-article__meta">{th('help.article.effective', { date: String(article.effectiveFrom) })}</p>
      {article.body.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      {article.serviceItems.length > 0 && (
        <section aria-labelledby="help-article-services">
          <h2 id="help-article-services">{th('help.article.services')}</h2>
          <ul>
            {article.serviceItems.map((code) => (
              <li key={code}>
                <a href={`/services/items/${encodeURIComponent(code)}`}>{code}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/help">{th('help.search')}</a>
      </p>
    </article>
  );
}
