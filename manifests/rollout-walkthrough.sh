#!/usr/bin/env sh
# A rollout walkthrough, as the Kubernetes docs' "Deployments" page tells it. Paste the lines
# one by one (or run this file); with `alias kubectl=kubesim` they are the docs' commands.
PATH="$(cd "$(dirname "$0")/.." && pwd)/bin:$PATH"
set -x

# Create the Deployment and watch it come up.
kubesim apply -f manifests/deployment.yaml
kubesim rollout status deployment/nginx-deployment

# Update the image: a new ReplicaSet scales up as the old one scales down.
kubesim set image deployment/nginx-deployment nginx=nginx:1.16.1
kubesim rollout status deployment/nginx-deployment
kubesim get rs

# A typo in the tag: the new pods cannot pull it and the rollout stalls.
kubesim set image deployment/nginx-deployment nginx=nginx:1.161
kubesim rollout status deployment/nginx-deployment --timeout=60s
kubesim get pods
kubesim rollout history deployment/nginx-deployment

# Roll back to the previous revision.
kubesim rollout undo deployment/nginx-deployment
kubesim rollout status deployment/nginx-deployment

# Pause, make two changes, resume: one rollout for both.
kubesim rollout pause deployment/nginx-deployment
kubesim set image deployment/nginx-deployment nginx=nginx:1.17
kubesim set resources deployment/nginx-deployment -c=nginx --limits=cpu=200m,memory=512Mi
kubesim rollout resume deployment/nginx-deployment
kubesim rollout status deployment/nginx-deployment
kubesim rollout history deployment/nginx-deployment
