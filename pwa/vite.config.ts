/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

const GENERATED_OPERATIONS = fileURLToPath(new URL('./src/graphql/generated/graphql.ts', import.meta.url));
const DOC_PREFIX = '\0palm-gql-doc:';
const DOC_CLASS = '\0palm-gql-class';

/**
 * Rollup puts a module in exactly one chunk. The generated operations module holds every
 * screen's documents and the first screen imports it (the session query), so every
 * operation of every screen landed in the first-screen bundle. In builds, each imported
 * document becomes its own tiny module, so it ships with the screen that uses it.
 * Types are unaffected (tsc still reads generated/graphql.ts); so is `npm run codegen`.
 */
function splitGraphqlDocuments(): Plugin {
  let source: string | undefined;
  const importPattern = /import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]*\/graphql\/generated\/graphql)\2;?/g;
  return {
    name: 'palm:split-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/graphql/generated/') || !code.includes('/graphql/generated/graphql')) {
        return null;
      }
      const next = code.replace(importPattern, (whole, names: string) => {
        const specifiers = names.split(',').map((n) => n.trim()).filter(Boolean);
        const types = specifiers.filter((n) => n.startsWith('type '));
        const values = specifiers.filter((n) => !n.startsWith('type '));
        if (values.some((n) => !/^\w+(Document|FragmentDoc)$/.test(n))) return whole;
        return values.map((n) => `import { ${n} } from '${DOC_PREFIX}${n}';`).join('\n') +
          (types.length ? `\nimport type { ${types.map((n) => n.slice(5)).join(', ')} } from '${whole.match(/(['"])([^'"]*)\1/)?.[2]}';` : '');
      });
      return next === code ? null : { code: next, map: null };
    },
    resolveId(id) {
      return id.startsWith(DOC_PREFIX) || id === DOC_CLASS ? id : null;
    },
    load(id) {
      if (id === DOC_CLASS) {
        return 'export class TypedDocumentString extends String {\n' +
          '  constructor(value, meta) { super(value); this.value = value; this.__meta__ = meta; }\n' +
          '  toString() { return this.value; }\n}\n';
      }
      if (!id.startsWith(DOC_PREFIX)) return null;
      const name = id.slice(DOC_PREFIX.length);
      source ??= readFileSync(GENERATED_OPERATIONS, 'utf8');
      const start = source.indexOf(`export const ${name} = new TypedDocumentString(`);
      const end = start < 0 ? -1 : source.indexOf(') as unknown as TypedDocumentString<', start);
      if (end < 0) this.error(`${name} is not a document in src/graphql/generated/graphql.ts`);
      return `import { TypedDocumentString } from '${DOC_CLASS}';\n${source.slice(start, end)});\n`;
    },
  };
}

const THEME = '#0b4f8a';

export default defineConfig({
  // Preact's automatic JSX runtime through Vite's own transformer: no Babel preset needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // The polyfill is an inline script, which the server's CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  plugins: [
    splitGraphqlDocuments(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // src/sw-bridge.ts registers the worker itself; no injected (inline) registration script.
      injectRegister: false,
      injectManifest: {
        rollupFormat: 'iife',
        // A separate instance: the worker imports one document (pushsubscriptionchange).
        buildPlugins: { vite: [splitGraphqlDocuments()] },
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // pdf.js (review screen only, ~1 MB with its worker) is fetched when an officer opens a PDF, never precached.
        globIgnores: ['**/reviewsPdf-*.js', '**/pdf.worker*'],
      },
      devOptions: { enabled: false },
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: true,
      manifest: {
        id: '/',
        name: '掌上海关 Palm Customs',
        short_name: '掌上海关',
        description:
          '海关服务掌上办：旅客申报、事项预审、预约办理。Customs services on your phone: declare articles, have documents pre-reviewed, book appointments.',
        lang: 'zh-Hans',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        shortcuts: [
          { name: '申报物品 Declare articles', short_name: '申报', url: '/declare' },
          { name: '办事服务 Services', short_name: '服务', url: '/services' },
          { name: '预约 Appointments', short_name: '预约', url: '/appointments' },
          { name: '消息 Inbox', short_name: '消息', url: '/inbox' },
        ],
      },
    }),
  ],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
  },
});
