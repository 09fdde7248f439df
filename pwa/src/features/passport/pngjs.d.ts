// The little of pngjs (a dev dependency) the reader's tests use to decode their fixtures.
declare module 'pngjs' {
  export const PNG: {
    sync: { read(data: Uint8Array): { width: number; height: number; data: Uint8Array } };
  };
}
