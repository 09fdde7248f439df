// Catalogue reads: the server's answer when online, the copy on this device otherwise.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import {
  ServicesItemDocument,
  type ServicesDataElementFragment,
  type ServicesItemFullFragment,
  type ServicesMaterialTypeFragment,
} from '../../graphql/generated/graphql';
import { CACHE_KEYS } from '../../offline/keys';
import { cacheGet, cachePut } from './servicesStore';

export interface ItemBundle {
  item: ServicesItemFullFragment;
  materials: Record<string, ServicesMaterialTypeFragment>;
  elements: Record<string, ServicesDataElementFragment>;
}

/** One service item with the material types and data elements it uses; cached for offline reading. */
export function useServiceItem(code: string): { bundle: ItemBundle | null | undefined; offline: boolean } {
  const [bundle, setBundle] = useState<ItemBundle | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let live = true;
    const key = CACHE_KEYS.serviceItem(code);
    void cacheGet<ItemBundle>(key).then((cached) => live && cached && setBundle((b) => b ?? cached));
    request(ServicesItemDocument, { code })
      .then(async (data) => {
        if (!live) return;
        if (!data.serviceItem) return setBundle(null);
        const used = new Set(data.serviceItem.materials.map((m) => m.material));
        const fields = new Set(data.serviceItem.form.map((f) => f.element));
        const next: ItemBundle = {
          item: data.serviceItem,
          materials: Object.fromEntries(data.materialTypes.filter((m) => used.has(m.code)).map((m) => [m.code, m])),
          elements: Object.fromEntries(data.dataElements.filter((e) => fields.has(e.code)).map((e) => [e.code, e])),
        };
        setBundle(next);
        await cachePut(key, next);
      })
      .catch(async () => {
        if (!live) return;
        setOffline(true);
        if (!(await cacheGet(key))) setBundle((b) => b ?? null);
      });
    return () => {
      live = false;
    };
  }, [code]);
  return { bundle, offline };
}

export function parseRule(ruleJson: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(ruleJson);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
