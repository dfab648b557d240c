// Manifests shared by verb tests.

/** A pod `duo` whose two busybox containers sleep for an hour: for -c and "Defaulted container". */
export const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  containers:
  - name: first
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
  - name: second
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`;
