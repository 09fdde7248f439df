// A link from a question a form asks to the knowledge article that answers it. Which article
// answers which question is data (helpLinks.json); tests/knowledge/test_help_links.py checks
// that every slug there is a published article in all three languages.
import { th, type HelpKey } from './helpMessages';
import links from './helpLinks.json';

export type HelpQuestion = keyof typeof links;

/** The article's path for a question, or null when no article answers it (yet). */
export function helpArticleFor(question: string): string | null {
  const slug = (links as Record<string, string | undefined>)[question];
  return slug ? `/help/articles/${slug}` : null;
}

export function HelpLink({ question }: { question: HelpQuestion | string }) {
  const href = helpArticleFor(question);
  if (!href) return null;
  return (
    <p class="help-link">
      <a href={href} data-help-question={question}>
        {th(`link.${question}` as HelpKey)}
      </a>
    </p>
  );
}
