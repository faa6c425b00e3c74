import { InitialSchema1795306601336 } from './1795306601336-InitialSchema';
import { AddAuthentication1795309240301 } from './1795309240301-AddAuthentication';
import { TuneModelListIndexes1795310436637 } from './1795310436637-TuneModelListIndexes';
import { AddSecrets1795311539749 } from './1795311539749-AddSecrets';
import { AddProviderConnections1795315077279 } from './1795315077279-AddProviderConnections';
import { AddConnectionTests1795323365298 } from './1795323365298-AddConnectionTests';
import { AddAuditEvents1795329769856 } from './1795329769856-AddAuditEvents';
import { AddKnowledgeBasesAndModelRetirement1795335750710 } from './1795335750710-AddKnowledgeBasesAndModelRetirement';
import { AddProxySync1795336181063 } from './1795336181063-AddProxySync';
import { AddAuditChainMac1795339204115 } from './1795339204115-AddAuditChainMac';
import { AddEgressDeniedCategory1795340000000 } from './1795340000000-AddEgressDeniedCategory';
import { AddPasswordChangeRequired1795340112000 } from './1795340112000-AddPasswordChangeRequired';
import { BindSecretsToOrigins1795340412870 } from './1795340412870-BindSecretsToOrigins';

/** Every migration, oldest first. Written by `npm run migration:generate -- <Name>`. */
export const MIGRATIONS = [
  InitialSchema1795306601336,
  AddAuthentication1795309240301,
  TuneModelListIndexes1795310436637,
  AddSecrets1795311539749,
  AddProviderConnections1795315077279,
  AddConnectionTests1795323365298,
  AddAuditEvents1795329769856,
  AddKnowledgeBasesAndModelRetirement1795335750710,
  AddProxySync1795336181063,
  AddAuditChainMac1795339204115,
  AddEgressDeniedCategory1795340000000,
  AddPasswordChangeRequired1795340112000,
  BindSecretsToOrigins1795340412870,
];
