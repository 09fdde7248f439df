import './declarations.css';
import { td } from './declarationsMessages';

interface ArticleWithPhoto {
  key: string;
  description: string;
  photo?: { documentId: string; mediaType: string; url: string } | null;
}

/**
 * The photos attached to a declaration's articles, as thumbnail links to the full file: on the
 * traveller's own declaration and on the inspector's tablet. Online only: the vault serves the
 * files (to their owner and to inspectors) and they are never cached on the device.
 */
export function DeclarationArticlePhotos({
  articles,
  level = 2,
  testId,
}: {
  articles: readonly ArticleWithPhoto[];
  level?: 2 | 3;
  testId: string;
}) {
  const withPhotos = articles.filter((a) => a.photo);
  if (!withPhotos.length || !navigator.onLine) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = `${testId}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{td('verify.photos')}</Heading>
      <ul class="declaration-photos" data-testid={testId}>
        {withPhotos.map((a) => {
          const photo = a.photo!;
          const description = a.description || a.key;
          const pdf = photo.mediaType === 'application/pdf';
          return (
            <li class="declaration-photos__item" key={a.key}>
              <a class="declaration-photo__thumb-link" href={photo.url} target="_blank" rel="noopener">
                {pdf ? (
                  td('verify.photo.openPdf', { description })
                ) : (
                  <img class="declaration-photo__thumb" src={photo.url} loading="lazy" alt={td('verify.photo.open', { description })} />
                )}
              </a>
              <p>{description}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
