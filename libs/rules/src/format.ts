/**
 * The calendar, time-zone and French formatting helpers alone, without the rules: what the web
 * app's first bundle needs (its other pages import `@relais/rules`).
 */
export * from './lib/durations';
export * from './lib/french-format';
export * from './lib/zoned-time';
