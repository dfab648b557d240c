// kubectl create service nodeport (create_service.go NewCmdCreateServiceNodePort).

import { serviceVerb } from "./service";

export default serviceVerb("NodePort");
