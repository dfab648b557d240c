// Every control loop the engine runs, in order: the controller manager's controllers, then the
// scheduler, then the kubelets (their static pods first, so a re-created mirror finds its record).

import type { Controller } from "../controllers/types";
import { CONTROLLERS } from "../controllers/manager";
import { scheduler } from "../scheduler/scheduler";
import { kubelet } from "../kubelet/kubelet";
import { staticPods } from "../kubelet/static-pods";

export const COMPONENTS: readonly Controller[] = [...CONTROLLERS, scheduler, staticPods, kubelet];
