// kubectl create service clusterip (create_service.go NewCmdCreateServiceClusterIP).

import { serviceVerb } from "./service";

export default serviceVerb("ClusterIP");
