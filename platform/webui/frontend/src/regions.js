// Region names as the pages show them, read once each, and the breadcrumb from the user's region down.
import { reactive } from 'vue';
import { api } from './api.js';

/** The code lengths of the levels: province, city, county, township, village. */
export const LENGTHS = [2, 4, 6, 9, 12];

/** Region names by code: filled from what pages read (a region's path, the regions below), or read once each. */
export function regionNames() {
  const names = reactive({});
  return {
    names,
    /** Remembers the names a region's path gives its prefixes (甘肃省, 天水市, 秦州区 …). */
    learnPath(code, region) {
      if (region) region.path.forEach((name, i) => { names[code.slice(0, LENGTHS[i])] = name; });
    },
    learn(regions) {
      regions.forEach((r) => { names[r.code] = r.name; });
    },
    /** Reads the names of codes not known yet (a list's villages); a code stands for itself meanwhile. */
    read(codes) {
      [...new Set(codes)].filter((code) => code && !(code in names)).forEach((code) => {
        names[code] = code;
        api('GET', `/regions/${code}`).then((region) => { names[code] = region.name; }).catch(() => {});
      });
    },
  };
}

/**
 * The breadcrumb from the user's region ({@code home}) down to {@code region}: each level's code and name, a city
 * only when it is the user's own.
 */
export function trail(home, region, names, country) {
  const nameOf = (code) => names[code] || code;
  const steps = [{ code: home, name: home ? nameOf(home) : country }];
  LENGTHS.forEach((length) => {
    if (length > home.length && length <= region.length && length !== 4) {
      steps.push({ code: region.slice(0, length), name: nameOf(region.slice(0, length)) });
    }
  });
  return steps;
}
