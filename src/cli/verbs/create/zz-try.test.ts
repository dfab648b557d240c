import { it } from "vitest";
import { harness } from "../../../../test/cli-harness";
it("try", async () => {
  const h = await harness();
  const runs = [
    ["create", "deployment", "web", "--image=nginx", "--replicas=3", "--port=80", "--dry-run=client", "-o", "yaml"],
    ["create", "deployment", "web", "--image=nginx", "--image=my.reg:5000/a/b_c.D@sha256:abc", "--dry-run=client", "-o", "yaml"],
    ["create", "deployment", "web", "--image=nginx", "--port=80", "--dry-run=client", "-o", "yaml", "--", "sleep", "10", "20"],
    ["create", "deployment", "web", "--image=nginx", "--save-config", "--dry-run=client", "-o", "yaml"],
    ["create", "deployment", "web", "--image=nginx"],
    ["create", "deployment", "web", "--image=nginx"],
    ["create", "deployment", "Web", "--image=nginx"],
    ["create", "deployment", "a", "--", "c", "--image=nginx"],
    ["create", "deployment", "a"],
    ["get", "deploy"],
  ];
  for (const r of runs) console.log(r.join(" "), JSON.stringify(await h.run(...r), null, 1));
});
