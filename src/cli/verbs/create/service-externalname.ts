// kubectl create service externalname (create_service.go NewCmdCreateServiceExternalName).

import { serviceVerb } from "./service";

export default serviceVerb("ExternalName");
