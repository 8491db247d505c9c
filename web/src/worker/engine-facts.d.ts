// The module's answers the page needs before any analysis, asked of it when
// the site is built (see engineFacts in vite.config.ts).
declare module 'virtual:shoal-engine-facts' {
  // Every setting's definition, as JSON (see parameters/settings.ts).
  export const settingsRegistry: string;
  export const toolVersion: string;
}
