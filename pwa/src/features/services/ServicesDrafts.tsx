import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { ServicesMyDraftsDocument, type ServicesServerDraftFragment } from '../../graphql/generated/graphql';
import { formatDateTime } from '../../i18n/format';
import { CACHE_KEYS } from '../../offline/keys';
import type { ItemBundle } from './servicesHooks';
import { ts } from './servicesMessages';
import { deviceLabel, localDrafts } from './servicesDrafts';
import { cacheGet, pick, type LocalizedText } from './servicesStore';

interface Row {
  itemCode: string;
  name: LocalizedText | null;
  changedAt: number;
  /** Saved from another device and not (yet) on this one. */
  device: string | null;
}

function merge(local: { itemCode: string; updatedAt: number }[], server: readonly ServicesServerDraftFragment[], names: Record<string, LocalizedText>): Row[] {
  const rows = new Map<string, Row>();
  for (const d of local) rows.set(d.itemCode, { itemCode: d.itemCode, name: names[d.itemCode] ?? null, changedAt: d.updatedAt, device: null });
  for (const d of server) {
    const here = rows.get(d.itemCode);
    const changedAt = Date.parse(String(d.updatedAt));
    rows.set(d.itemCode, {
      itemCode: d.itemCode,
      name: d.itemName ?? here?.name ?? names[d.itemCode] ?? null,
      changedAt: Math.max(changedAt, here?.changedAt ?? 0),
      device: here ? null : d.device,
    });
  }
  return [...rows.values()].sort((a, b) => b.changedAt - a.changedAt);
}

/** Applications in progress, on this device or synced from another one, to continue. */
export function ServicesDrafts() {
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const local = await localDrafts().catch(() => []);
      const names: Record<string, LocalizedText> = {};
      for (const d of local) {
        const bundle = await cacheGet<ItemBundle>(CACHE_KEYS.serviceItem(d.itemCode));
        if (bundle) names[d.itemCode] = bundle.item.name;
      }
      if (!live) return;
      setRows(merge(local, [], names));
      const server = await request(ServicesMyDraftsDocument, {})
        .then((data) => data.myApplicationDrafts)
        .catch(() => null);
      if (live && server) setRows(merge(local, server, names));
    })();
    return () => {
      live = false;
    };
  }, []);
  if (rows.length === 0) return null;
  return (
    <section class="services-drafts" aria-labelledby="services-drafts-title" data-testid="services-drafts">
      <h2 id="services-drafts-title">{ts('drafts.title')}</h2>
      <ul class="card-list">
        {rows.map((row) => (
          <li class="card-list__item" key={row.itemCode}>
            <a href={`/services/items/${encodeURIComponent(row.itemCode)}/apply`}>{row.name ? pick(row.name) : row.itemCode}</a>
            <p class="services-meta">
              <span>{ts('drafts.changed', { time: formatDateTime(new Date(row.changedAt)) })}</span>
              {row.device && (
                <span>
                  {ts('drafts.elsewhere', {
                    device: deviceLabel(row.device),
                  })}
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
