// Vite bundles the stylesheets the modules import; TypeScript only needs to know the import is allowed.
declare module "*.css";
