import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, tileTemplateProblem } from './config';

// A secret so loadConfig never writes one under DATA_DIR.
const base = { TSUNAGU_SECRET: 'x'.repeat(40) };

describe('MAP_TILE_URL', () => {
  it('is unset by default: the map shows markers only', () => {
    expect(loadConfig({ ...base }).mapTiles).toBeUndefined();
    expect(loadConfig({ ...base, MAP_TILE_URL: '  ' }).mapTiles).toBeUndefined();
  });

  it('gives the template, its origin (for the CSP) and the attribution', () => {
    const config = loadConfig({
      ...base,
      MAP_TILE_URL: 'https://tiles.example.lg.jp:8443/map/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '地理院タイル',
    });
    expect(config.mapTiles).toEqual({
      url: 'https://tiles.example.lg.jp:8443/map/{z}/{x}/{y}.png',
      origin: 'https://tiles.example.lg.jp:8443',
      attribution: '地理院タイル',
    });
    expect(
      loadConfig({ ...base, MAP_TILE_URL: 'http://10.0.0.5/{z}/{x}/{y}.png' }).mapTiles?.attribution,
    ).toBe('');
  });

  it.each([
    ['https://tiles.example.lg.jp/{z}/{x}.png', 'missing {y}'],
    ['tiles/{z}/{x}/{y}.png', 'not a URL'],
    ['ftp://tiles.example.lg.jp/{z}/{x}/{y}.png', 'not http(s)'],
    ['javascript:alert(1)//{z}{x}{y}', 'not http(s)'],
    ['https://user:pw@tiles.example.lg.jp/{z}/{x}/{y}.png', 'credentials in the URL'],
  ])('refuses %s at boot (%s)', (value, problem) => {
    expect(tileTemplateProblem(value)).toBe(problem);
    expect(() => loadConfig({ ...base, MAP_TILE_URL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, MAP_TILE_URL: value })).toThrow(/MAP_TILE_URL/);
  });

  it('refuses an attribution longer than 200 characters', () => {
    expect(() =>
      loadConfig({
        ...base,
        MAP_TILE_URL: 'https://tiles.example.lg.jp/{z}/{x}/{y}.png',
        MAP_TILE_ATTRIBUTION: 'a'.repeat(201),
      }),
    ).toThrow(/MAP_TILE_ATTRIBUTION/);
  });
});
