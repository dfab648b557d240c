// Go's fmt rendering of values inside field errors: %q for strings, %v for numbers and bools,
// %#v for maps and structs (what k8s.io/apimachinery/pkg/util/validation/field.Error prints).

/** A Go type, enough to print a value of it with %#v. */
export type GoType =
  | { readonly kind: "string" | "int" | "bool" | "intstr" | "nilStringPointer" }
  | { readonly kind: "map"; readonly name: string; readonly elem: GoType }
  | { readonly kind: "slice"; readonly name: string; readonly elem: GoType }
  | { readonly kind: "struct"; readonly name: string; readonly fields: readonly (readonly [string, string, GoType])[] }
  /** A pointer inside a struct: %#v prints its address, not what it points to. `name` is its type, e.g. "*int64". */
  | { readonly kind: "pointer"; readonly name: string }
  /** A pointer to a type with a String method (*v1.Time): nil prints as <nil>. */
  | { readonly kind: "stringerPointer"; readonly name: string }
  /** A metav1.Time value: time.Time's GoString. */
  | { readonly kind: "time" };

const str: GoType = { kind: "string" };
const mapStringString: GoType = { kind: "map", name: "map[string]string", elem: str };
const labelSelectorRequirement: GoType = {
  kind: "struct",
  name: "v1.LabelSelectorRequirement",
  fields: [
    ["Key", "key", str],
    ["Operator", "operator", str],
    ["Values", "values", { kind: "slice", name: "[]string", elem: str }],
  ],
};
const labelSelector: GoType = {
  kind: "struct",
  name: "v1.LabelSelector",
  fields: [
    ["MatchLabels", "matchLabels", mapStringString],
    ["MatchExpressions", "matchExpressions", { kind: "slice", name: "[]v1.LabelSelectorRequirement", elem: labelSelectorRequirement }],
  ],
};

const intOrString: GoType = { kind: "intstr" };
/** The key upstream builds to find duplicate service ports: only Protocol and Port set. */
const servicePort: GoType = {
  kind: "struct",
  name: "core.ServicePort",
  fields: [
    ["Name", "name", str],
    ["Protocol", "protocol", str],
    ["AppProtocol", "appProtocol", { kind: "nilStringPointer" }],
    ["Port", "port", { kind: "int" }],
    ["TargetPort", "targetPort", intOrString],
    ["NodePort", "nodePort", { kind: "int" }],
  ],
};

/** The Go types FieldIssue.goType may name. */
const GO_TYPES: Record<string, GoType> = {
  "map[string]string": mapStringString,
  "[]string": { kind: "slice", name: "[]string", elem: str },
  "v1.LabelSelector": labelSelector,
  "*v1.LabelSelector": labelSelector,
  "intstr.IntOrString": intOrString,
  "core.ServicePort": servicePort,
  // Only its nil value prints faithfully: quantities would print as resource.Quantity structs.
  "core.ResourceList": { kind: "map", name: "core.ResourceList", elem: str },
};

/** Go's %q for a string (printable Unicode is kept, as strconv.Quote does). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + '"';
}

/** %#v of value as a Go value of type t. */
export function goSharpV(value: unknown, t: GoType): string {
  switch (t.kind) {
    case "string":
      return goQuote(String(value ?? ""));
    case "int":
      return String(value ?? 0);
    case "bool":
      return String(value ?? false);
    case "nilStringPointer":
      return "(*string)(nil)";
    case "intstr":
      // IntOrString's String() has a pointer receiver, so a value prints as a raw struct.
      return typeof value === "string"
        ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`
        : `intstr.IntOrString{Type:0, IntVal:${Number(value ?? 0)}, StrVal:""}`;
    case "map": {
      if (value === undefined || value === null) return `${t.name}(nil)`;
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `${t.name}{${entries.map(([k, v]) => `${goQuote(k)}:${goSharpV(v, t.elem)}`).join(", ")}}`;
    }
    case "slice": {
      if (value === undefined || value === null) return `${t.name}(nil)`;
      return `${t.name}{${(value as unknown[]).map((v) => goSharpV(v, t.elem)).join(", ")}}`;
    }
    case "struct": {
      const obj = (value ?? {}) as Record<string, unknown>;
      // An embedded struct (json name "") has its fields inline in the parent's JSON.
      return `${t.name}{${t.fields.map(([goName, json, ft]) => `${goName}:${goSharpV(json === "" ? obj : obj[json], ft)}`).join(", ")}}`;
    }
    case "pointer":
      return value === undefined || value === null ? `(${t.name})(nil)` : `(${t.name})(${fakeAddress()})`;
    case "stringerPointer":
      return value === undefined || value === null ? "<nil>" : goQuote(String(value));
    case "time":
      return goTime(typeof value === "string" ? value : undefined);
  }
}

/**
 * A heap address for a non-nil pointer. Go prints where the value happens to live, which no
 * two API server runs share; kubesim counts up from where Go's heap usually starts, so its
 * messages stay the same from run to run.
 */
const FIRST_ADDRESS = 0xc000100000;
let nextAddress = FIRST_ADDRESS;
function fakeAddress(): string {
  nextAddress += 0x18;
  return `0x${nextAddress.toString(16)}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** time.Time's GoString: the zero time, or an RFC 3339 instant, in UTC. */
function goTime(rfc3339: string | undefined): string {
  const d = rfc3339 === undefined ? undefined : new Date(rfc3339);
  if (d === undefined || Number.isNaN(d.getTime())) return "time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)";
  return `time.Date(${d.getUTCFullYear()}, time.${MONTHS[d.getUTCMonth()]}, ${d.getUTCDate()}, ${d.getUTCHours()}, ${d.getUTCMinutes()}, ${d.getUTCSeconds()}, 0, time.UTC)`;
}

/** Guesses a Go type for a JSON value with no declared type (plain maps of strings, string lists). */
function inferGoType(value: object): GoType | undefined {
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? GO_TYPES["[]string"] : undefined;
  return Object.values(value).every((v) => typeof v === "string") ? mapStringString : undefined;
}

/**
 * The value part of "Invalid value: ⟨value⟩" (field.Error.ErrorBody): numbers and bools with %v,
 * strings with %q, nil as "null", maps and structs with %#v.
 */
export function renderGoValue(value: unknown, goType?: string | GoType): string {
  nextAddress = FIRST_ADDRESS; // each message counts its addresses from the same start
  const declared = typeof goType === "string" ? GO_TYPES[goType] : goType;
  // A nil map or slice prints as a typed nil; a nil pointer as the string "null".
  if (declared && (declared.kind === "map" || declared.kind === "slice")) return goSharpV(value, declared);
  if (value === undefined || value === null) return goQuote("null");
  if (declared) return goSharpV(value, declared);
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  const inferred = inferGoType(value);
  return inferred ? goSharpV(value, inferred) : JSON.stringify(value);
}
