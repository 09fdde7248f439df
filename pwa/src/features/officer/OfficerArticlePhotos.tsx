import { t } from '../../i18n';
import '../declarations/declarations.css';

interface ArticleWithPhoto {
  key: string;
  description: string;
  photo?: { documentId: string; mediaType: string; url: string } | null;
}

/**
 * The photos travellers attached to their articles, as thumbnail links to the full file. Online
 * only: the files are served to inspectors by the vault, never cached on the tablet.
 */
export function OfficerArticlePhotos({ articles }: { articles: readonly ArticleWithPhoto[] }) {
  const withPhotos = articles.filter((a) => a.photo);
  if (!withPhotos.length || !navigator.onLine) return null;
  return (
    <section aria-labelledby="verify-photos-heading">
      <h3 id="verify-photos-heading">{t('verify.photos')}</h3>
      <ul class="declaration-photos" data-testid="verify-photos">
        {withPhotos.map((a) => {
          const photo = a.photo!;
          const description = a.description || a.key;
          const pdf = photo.mediaType === 'application/pdf';
          return (
            <li class="declaration-photos__item" key={a.key}>
              <a class="declaration-photo__thumb-link" href={photo.url} target="_blank" rel="noopener">
                {pdf ? (
                  t('verify.photo.openPdf', { description })
                ) : (
                  <img class="declaration-photo__thumb" src={photo.url} loading="lazy" alt={t('verify.photo.open', { description })} />
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
