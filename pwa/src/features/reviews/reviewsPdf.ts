// PDF pages drawn on canvases by pdf.js. The server sends PDFs as attachments with a sandbox CSP
// and the app's CSP has object-src 'none' and frame-ancestors 'none', so the browser's own
// viewer cannot be embedded. This module (and pdf.js with its worker) is imported dynamically
// by the review screen only; it is never in the first-screen bundle nor precached.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface RenderedPdf {
  pages: number;
  /** Draw page `n` (1-based) into the canvas at `scale` CSS px per PDF point. */
  render(n: number, canvas: HTMLCanvasElement, scale: number): Promise<void>;
  destroy(): Promise<void>;
}

export async function openPdf(data: ArrayBuffer): Promise<RenderedPdf> {
  // No eval (CSP script-src 'self'), no scripting, no fetching anything else.
  const task = getDocument({ data, isEvalSupported: false, enableXfa: false, disableAutoFetch: true, stopAtErrors: false });
  const pdf = await task.promise;
  return {
    pages: pdf.numPages,
    async render(n, canvas, scale) {
      const page = await pdf.getPage(n);
      const ratio = globalThis.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    },
    destroy: () => task.destroy(),
  };
}
