export * from "./time";
export * from "./objects";
export * from "./outcome";
