/** The demo deployment's fixed choices (src/demo/seed.ts seeds them and re-exports these). */

/** The demo prefecture: 神奈川県. */
export const DEMO_PREFECTURE = '14';
/** Seed of the demo data set (the same fictional people on every fresh start). */
export const DEMO_SEED = 20260401;
/** Children generated for the demo prefecture by default. */
export const DEMO_CHILDREN = 300;
/** Domain of every demo e-mail address (reserved `.example`: mail to it goes nowhere). */
export const DEMO_EMAIL_DOMAIN = 'demo.tsunagu.example';
/** The region, branch and municipality the scoped demo accounts are limited to. */
export const DEMO_REGION = '湘南東部';
export const DEMO_MUNICIPALITY = '藤沢市';
