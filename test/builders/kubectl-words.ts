// kubectl's own words that tests expect verbatim, from quotes/kubectl.json (where upstream says
// them): a literal copy in a test would read like unfinished work.

import kubectl from "../../quotes/kubectl.json";

/** SelectorsForObject's answer for a kind without a pod selector, e.g. for "*v1.CronJob". */
export const noPodSelector = (goType: string): string => kubectl.selectorsForObject.format.replace("%T", goType);
