import { describe, expect, it } from "vitest";
import type { AgendaItem } from "./agenda";
import { Agenda } from "./agenda";
import type { Instant } from "./time";

const item = (due: number, component: string, key: string): AgendaItem => ({ due: due as Instant, component, key });
const ids = (items: readonly AgendaItem[]) => items.map((i) => `${i.due} ${i.component} ${i.key}`);

describe("Agenda", () => {
  it.each([
    { name: "by due instant", add: [item(20, "a", "k"), item(10, "a", "k")], want: ["10 a k", "20 a k"] },
    { name: "then by component", add: [item(10, "kubelet", "k"), item(10, "cronjob", "k")], want: ["10 cronjob k", "10 kubelet k"] },
    { name: "then by key", add: [item(10, "a", "Pod/ns/b"), item(10, "a", "Pod/ns/a")], want: ["10 a Pod/ns/a", "10 a Pod/ns/b"] },
    { name: "an item twice is kept once", add: [item(10, "a", "k"), item(20, "a", "k"), item(10, "a", "k")], want: ["10 a k", "20 a k"] },
    {
      name: "a repeat among neighbours is kept once",
      add: [item(10, "a", "x"), item(10, "b", "k"), item(10, "a", "z"), item(10, "b", "k"), item(10, "a", "y"), item(10, "a", "z")],
      want: ["10 a x", "10 a y", "10 a z", "10 b k"],
    },
  ])("orders $name", ({ add, want }) => {
    const agenda = new Agenda();
    for (const i of add) agenda.add(i);
    expect(ids(agenda.toJSON())).toEqual(want);
    expect(agenda.size).toBe(want.length);
  });

  it("loads saved items in order, without repeats", () => {
    expect(ids(new Agenda([item(30, "a", "k"), item(10, "a", "k"), item(30, "a", "k")]).toJSON())).toEqual(["10 a k", "30 a k"]);
  });

  it("pops what is due, and takes an item popped once when it is added again", () => {
    const agenda = new Agenda([item(10, "a", "k"), item(10, "b", "k"), item(20, "a", "k")]);
    expect(ids(agenda.popDue(15 as Instant))).toEqual(["10 a k", "10 b k"]);
    expect(ids(agenda.popDue(15 as Instant))).toEqual([]);
    agenda.add(item(10, "a", "k"));
    expect(ids(agenda.toJSON())).toEqual(["10 a k", "20 a k"]);
  });

  it("tells the next due instant, leaving out one component if asked", () => {
    const agenda = new Agenda([item(10, "event-ttl", "Event"), item(20, "a", "k")]);
    expect(agenda.nextDue()).toBe(10);
    expect(agenda.nextDue("event-ttl")).toBe(20);
    expect(new Agenda().nextDue()).toBeUndefined();
  });
});
