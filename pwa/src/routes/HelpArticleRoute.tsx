import { useRoute } from 'preact-iso';
import { HelpArticle } from '../features/help/HelpArticle';

export default function HelpArticleRoute() {
  const { params } = useRoute();
  return <HelpArticle slug={params.slug ?? ''} />;
}
