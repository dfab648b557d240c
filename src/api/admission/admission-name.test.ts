import { describe, expect, it } from "vitest";
import { admissionName } from "./admission-name";

describe("admissionName (admission.extractResourceName)", () => {
  it.each([
    { name: "an object's own name", sent: { name: "web" }, byController: false, want: "web" },
    { name: "the generateName of a name-less object", sent: { generateName: "web-" }, byController: false, want: "web-" },
    { name: "the name a user gave beside a generateName", sent: { name: "web-abcde", generateName: "web-" }, byController: false, want: "web-abcde" },
    { name: "the generateName a controller named its pod from", sent: { name: "web-abcde", generateName: "web-" }, byController: true, want: "web-" },
    { name: "a controller's name not from its generateName", sent: { name: "db-0", generateName: "web-" }, byController: true, want: "db-0" },
    { name: "Unknown without either", sent: {}, byController: false, want: "Unknown" },
  ])("$name", ({ sent, byController, want }) => expect(admissionName(sent, byController)).toBe(want));
});
