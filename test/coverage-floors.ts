/**
 * The coverage floors (README, "Coverage"): what each package's sources reach in the `unit`
 * project, in percent (rounded down when they were set), which `npm test` fails below.
 */

/**
 * Per package: [statements, branches, functions, lines]. Raise a package's numbers when its
 * tests grow; never lower them.
 */
export const coverageFloors: Record<string, [number, number, number, number]> = {
  // Measured 2026-12-06 after merging main d89ae3b, with the unit tests of every package but
  // the platform (which only adds to what they reach).
  call: [85, 82, 79, 90],
  callback: [95, 92, 91, 96],
  chat: [93, 87, 88, 95],
  config: [98, 94, 97, 99],
  console: [83, 77, 77, 87],
  core: [90, 87, 88, 91],
  loader: [93, 87, 84, 93],
  // Two runs differed by up to a point here (paths that depend on timing): the lower one less
  // two points, so a slow run does not fail on coverage it reaches on another day.
  'messenger-sandbox': [78, 65, 75, 81],
  'phone-network': [83, 71, 82, 85],
  schedule: [98, 97, 96, 99],
  staff: [95, 88, 91, 97],
  studio: [75, 66, 73, 78],
  // Measured in a whole clean-clone unit run (df73e8e: 92.09, 83.05, 94.81, 94.50); its SIP and
  // crash tests take timing-dependent paths, so two points under, like the two above.
  platform: [90, 81, 92, 92],
};

/** The floors as Vitest's `coverage.thresholds`, one glob per package's `src/`. */
export const coverageThresholds = Object.fromEntries(
  Object.entries(coverageFloors).map(([name, [statements, branches, functions, lines]]) => [
    `packages/${name}/src/**`,
    { statements, branches, functions, lines },
  ]),
);
