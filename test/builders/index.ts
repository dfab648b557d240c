export * from "./time";
export * from "./objects";
export * from "./outcome";
export * from "./apply";
export * from "./mini-engine";
