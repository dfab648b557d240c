import { describe, expect, it } from "vitest";
import { parseLabelSelector } from "./selector-parser";

// Every message below is the one kubectl v1.32 printed for the selector (`kubectl get -f x.yaml
// -l SELECTOR` parses it client side: "the provided selector … is not valid: <message>").
describe("parseLabelSelector: labels.Parse's errors, word for word", () => {
  const cases: [string, string][] = [
    ["a in (", "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ["a,,b", "found ',', expected: identifier after ','"],
    ["!", "unable to parse requirement: found '', expected: identifier"],
    ["a,", "found '', expected: identifier after ','"],
    [",a", "found ',', expected: !, identifier, or 'end of string'"],
    ["a in (x y)", "unable to parse requirement: found 'y', expected: ',' or ')'"],
    ["a=b=c", "found '=', expected: ',' or 'end of string'"],
    ["a=b c", "found 'c', expected: ',' or 'end of string'"],
    ["Bad Key=x", "unable to parse requirement: found 'Key', expected: in, notin, =, ==, !=, gt, lt"],
    ["-a=b", "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
    ["a=-b", "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ["a<x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["a>", "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["a in x", "unable to parse requirement: found 'x' expected: '('"],
    ["a in (x", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["a notin", "unable to parse requirement: found '' expected: '('"],
    ["!a=b", "found '=', expected: ',' or 'end of string'"],
    ["a=(b)", "unable to parse requirement: found '(', expected: identifier"],
    ["toolong0123456789012345678901234567890123456789012345678901234567890=a", "unable to parse requirement: <nil>: Invalid value: \"toolong0123456789012345678901234567890123456789012345678901234567890\": name part must be no more than 63 characters"],
    ["a/b/c=d", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
    ["a=b,", "found '', expected: identifier after ','"],
    ["a ! = b", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ["a=!b", "unable to parse requirement: found '!', expected: identifier"],
    ["a=)", "unable to parse requirement: found ')', expected: identifier"],
    ["(a", "found '(', expected: !, identifier, or 'end of string'"],
    ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a!", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ["a=b,,c", "found ',', expected: identifier after ','"],
    ["a in (-x,-y)", "unable to parse requirement: [values[0][a]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: \"-y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]"],
    ["a=b,c=-d", "unable to parse requirement: values[0][c]: Invalid value: \"-d\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ["a>x,b<y", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["a>-5", "unable to parse requirement: values[0][a]: Invalid value: \"-5\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ["a<+3", "unable to parse requirement: values[0][a]: Invalid value: \"+3\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ["a>99999999999999999999", "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["a=\u00e9", "unable to parse requirement: values[0][a]: Invalid value: \"\u00e9\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ["\u00e9=a", "unable to parse requirement: <nil>: Invalid value: \"\u00e9\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
    ["a=x,", "found '', expected: identifier after ','"],
    ["a in (x),,", "found ',', expected: identifier after ','"],
    ["==", "found '==', expected: !, identifier, or 'end of string'"],
    ["!=a", "found '!=', expected: !, identifier, or 'end of string'"],
    ["a in ((x))", "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
    ["a in (x))", "found ')', expected: ',' or 'end of string'"],
    ["a=b)", "found ')', expected: ',' or 'end of string'"],
  ];
  it.each(cases)("%j", (selector, message) => {
    let thrown: unknown;
    try {
      parseLabelSelector(selector);
    } catch (err) {
      thrown = err;
    }
    expect((thrown as Error | undefined)?.message).toBe(message);
  });
});

describe("parseLabelSelector: what kubectl accepts, as requirements sorted by key, values sorted and unique", () => {
  const cases: [string, unknown][] = [
    ["a=b", [{"key":"a","op":"=","values":["b"]}]],
    ["a==b", [{"key":"a","op":"==","values":["b"]}]],
    ["a!=b", [{"key":"a","op":"!=","values":["b"]}]],
    ["a in (x,y)", [{"key":"a","op":"in","values":["x","y"]}]],
    ["a notin (x)", [{"key":"a","op":"notin","values":["x"]}]],
    ["!a", [{"key":"a","op":"!","values":[]}]],
    ["a", [{"key":"a","op":"exists","values":[]}]],
    ["a=", [{"key":"a","op":"=","values":[""]}]],
    ["a in ()", [{"key":"a","op":"in","values":[""]}]],
    ["a in (,)", [{"key":"a","op":"in","values":[""]}]],
    ["a in (x,,y)", [{"key":"a","op":"in","values":["","x","y"]}]],
    ["a>1", [{"key":"a","op":"gt","values":["1"]}]],
    ["a in (in)", [{"key":"a","op":"in","values":["in"]}]],
    ["in in (in)", [{"key":"in","op":"in","values":["in"]}]],
    ["notin=x", [{"key":"notin","op":"=","values":["x"]}]],
    ["a=b,c!=d,e in (f),!g", [{"key":"a","op":"=","values":["b"]},{"key":"c","op":"!=","values":["d"]},{"key":"e","op":"in","values":["f"]},{"key":"g","op":"!","values":[]}]],
    ["x/y=z", [{"key":"x/y","op":"=","values":["z"]}]],
    ["   ", []],
    ["a =b", [{"key":"a","op":"=","values":["b"]}]],
    ["a= b", [{"key":"a","op":"=","values":["b"]}]],
    ["a==", [{"key":"a","op":"==","values":[""]}]],
    ["!a,b", [{"key":"a","op":"!","values":[]},{"key":"b","op":"exists","values":[]}]],
    ["a in (in,notin)", [{"key":"a","op":"in","values":["in","notin"]}]],
    ["a notin (,)", [{"key":"a","op":"notin","values":[""]}]],
    ["a  in  ( x , y )", [{"key":"a","op":"in","values":["x","y"]}]],
    ["a=b\t,c=d", [{"key":"a","op":"=","values":["b"]},{"key":"c","op":"=","values":["d"]}]],
  ];
  it.each(cases)("%j", (selector, want) => expect(parseLabelSelector(selector)).toEqual(want));
});
