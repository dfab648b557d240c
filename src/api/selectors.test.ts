import { describe, expect, it } from "vitest";
import { fromMap, matches, parseSelector } from "./selectors";

describe("matches: a label selector against an object's labels", () => {
  const labels = { app: "web", tier: "front", empty: "" };
  it.each([
    { selector: "", labels, want: true },
    { selector: "", labels: undefined, want: true },
    { selector: "app=web", labels, want: true },
    { selector: "app==web", labels, want: true },
    { selector: "app=db", labels, want: false },
    { selector: "app=web", labels: undefined, want: false },
    { selector: "app=web,tier=front", labels, want: true },
    { selector: "app=web,tier=back", labels, want: false },
    { selector: "app!=db", labels, want: true },
    { selector: "app!=web", labels, want: false },
    { selector: "missing!=x", labels, want: true },
    { selector: "missing!=x", labels: undefined, want: true },
    { selector: "app in (db,web)", labels, want: true },
    { selector: "app in (db,cache)", labels, want: false },
    { selector: "app notin (db,cache)", labels, want: true },
    { selector: "app notin (web)", labels, want: false },
    { selector: "tier", labels, want: true },
    { selector: "empty", labels, want: true },
    { selector: "missing", labels, want: false },
    { selector: "!missing", labels, want: true },
    { selector: "!app", labels, want: false },
    { selector: "!app", labels: undefined, want: true },
    { selector: "toString", labels, want: false }, // an inherited property is not a label
    { selector: "n>2", labels: { n: "3" }, want: true },
    { selector: "n>3", labels: { n: "3" }, want: false },
    { selector: "n<10", labels: { n: "9" }, want: true },
    { selector: "n<10", labels: { n: "x" }, want: false }, // not a number: matches neither way
    { selector: "n>1", labels: undefined, want: false },
  ])("$selector on $labels is $want", ({ selector, labels: l, want }) => {
    expect(matches(parseSelector(selector), l)).toBe(want);
  });
});

describe("fromMap: a Service's or ReplicationController's selector map", () => {
  it("matches the labels the map names, all of them", () => {
    const sel = fromMap({ app: "web", tier: "front" });
    expect(matches(sel, { app: "web", tier: "front", x: "y" })).toBe(true);
    expect(matches(sel, { app: "web" })).toBe(false);
  });
  it("gives the same requirements for the same map object, and its own for another", () => {
    const a = { app: "web" };
    expect(fromMap(a)).toBe(fromMap(a));
    expect(matches(fromMap({ app: "db" }), { app: "web" })).toBe(false);
    expect(matches(fromMap(a), { app: "web" })).toBe(true);
  });
  it("matches everything without a map, or with an empty one", () => {
    expect(matches(fromMap(undefined), { app: "web" })).toBe(true);
    expect(matches(fromMap({}), undefined)).toBe(true);
  });
});
