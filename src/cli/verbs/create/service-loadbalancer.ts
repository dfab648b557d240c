// kubectl create service loadbalancer (create_service.go NewCmdCreateServiceLoadBalancer).

import { serviceVerb } from "./service";

export default serviceVerb("LoadBalancer");
