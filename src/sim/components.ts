// Every control loop the engine runs, in order: the controller manager's controllers, then the
// scheduler, then the kubelets.

import type { Controller } from "../controllers/types";
import { CONTROLLERS } from "../controllers/manager";
import { scheduler } from "../scheduler/scheduler";
import { kubelet } from "../kubelet/kubelet";

export const COMPONENTS: readonly Controller[] = [...CONTROLLERS, scheduler, kubelet];
