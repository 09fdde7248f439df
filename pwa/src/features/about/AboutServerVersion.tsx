import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { AboutServerInfoDocument } from '../../graphql/generated/graphql';
import { t } from '../../i18n';

/** The server's version, unobtrusively; shows nothing when the server cannot be reached. */
export function AboutServerVersion() {
  const [version, setVersion] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    request(AboutServerInfoDocument, {}, { signal: controller.signal })
      .then((data) => setVersion(data.serverInfo.version))
      .catch(() => {
        // Offline or failing: the footer simply has no version line.
      });
    return () => controller.abort();
  }, []);

  if (!version) return null;
  return <p class="about-version">{t('footer.serverVersion', { version })}</p>;
}
