// Vite bundles a stylesheet a module imports; TypeScript only needs to know such imports exist.
declare module '*.css';
