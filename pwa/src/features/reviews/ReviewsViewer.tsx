import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { tr } from './reviewsMessages';
import type { RenderedPdf } from './reviewsPdf';

const MIN = 0.5;
const MAX = 5;
const clamp = (n: number) => Math.min(MAX, Math.max(MIN, n));

type Loaded = { kind: 'image'; url: string } | { kind: 'pdf'; pdf: RenderedPdf } | { kind: 'error'; reason: string };

/** One document of the application: a picture (zoom by pinch or buttons) or a PDF rendered in the page. */
export function ReviewsViewer({ documentId, name }: { documentId: string; name: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    let pdf: RenderedPdf | null = null;
    setLoaded(null);
    setScale(1);
    fetch(`/files/${encodeURIComponent(documentId)}`, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const type = response.headers.get('content-type') ?? '';
        if (type.startsWith('application/pdf')) {
          const [{ openPdf }, data] = await Promise.all([import('./reviewsPdf'), response.arrayBuffer()]);
          pdf = await openPdf(data);
          if (live) setLoaded({ kind: 'pdf', pdf });
          else void pdf.destroy();
        } else {
          url = URL.createObjectURL(await response.blob());
          if (live) setLoaded({ kind: 'image', url });
        }
      })
      .catch((error: unknown) => live && setLoaded({ kind: 'error', reason: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
      if (pdf) void pdf.destroy();
    };
  }, [documentId]);

  // Pinch to zoom: two pointers on the stage scale with the distance between them.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; scale: number } | null>(null);
  const distance = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const onPointerDown = (e: PointerEvent) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 2) pinch.current = { distance: distance(), scale };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch.current && pointers.current.size === 2 && pinch.current.distance > 0) {
      setScale(clamp((pinch.current.scale * distance()) / pinch.current.distance));
    }
  };
  const onPointerUp = (e: PointerEvent) => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  return (
    <div class="reviews-viewer" data-testid="review-viewer" data-document={documentId}>
      <div class="reviews-viewer__tools" role="group" aria-label={tr('reviews.zoomHint')}>
        <Button variant="secondary" onClick={() => setScale((s) => clamp(s / 1.25))}>
          {tr('reviews.zoomOut')}
        </Button>
        <Button variant="secondary" onClick={() => setScale(1)}>
          {tr('reviews.zoomReset')}
        </Button>
        <Button variant="secondary" onClick={() => setScale((s) => clamp(s * 1.25))}>
          {tr('reviews.zoomIn')}
        </Button>
        <span class="reviews-viewer__scale" aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
      </div>
      <div
        class="reviews-viewer__stage"
        tabIndex={0}
        role="region"
        aria-label={tr('reviews.imageLabel', { name })}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {loaded === null && <p role="status">{tr('reviews.viewerLoading')}</p>}
        {loaded?.kind === 'error' && <p role="alert">{tr('reviews.viewerError', { reason: loaded.reason })}</p>}
        {loaded?.kind === 'image' && (
          <img class="reviews-viewer__image" src={loaded.url} alt={tr('reviews.imageLabel', { name })} data-scale={scale} style={{ width: `${scale * 100}%` }} />
        )}
        {loaded?.kind === 'pdf' && <ReviewsPdfPages pdf={loaded.pdf} scale={scale} />}
      </div>
    </div>
  );
}

function ReviewsPdfPages({ pdf, scale }: { pdf: RenderedPdf; scale: number }) {
  const pages = Array.from({ length: pdf.pages }, (_, i) => i + 1);
  return (
    <ol class="reviews-pdf">
      {pages.map((n) => (
        <li key={n}>
          <ReviewsPdfPage pdf={pdf} n={n} scale={scale} />
          <p class="field__hint">{tr('reviews.page', { n, total: pdf.pages })}</p>
        </li>
      ))}
    </ol>
  );
}

function ReviewsPdfPage({ pdf, n, scale }: { pdf: RenderedPdf; n: number; scale: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void pdf.render(n, ref.current, scale * 1.2).catch(() => undefined);
  }, [pdf, n, scale]);
  return <canvas ref={ref} class="reviews-pdf__page" role="img" aria-label={tr('reviews.pdfLabel', { n })} />;
}
