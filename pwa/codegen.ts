import type { CodegenConfig } from '@graphql-codegen/cli';

// CODEGEN_OUT lets scripts/codegen-check.mjs generate into a scratch folder and diff.
const out = process.env.CODEGEN_OUT ?? './src/graphql/generated/';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql', 'src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { DateTime: 'string', Time: 'string', Fen: 'number' },
      },
    },
  },
};

export default config;
