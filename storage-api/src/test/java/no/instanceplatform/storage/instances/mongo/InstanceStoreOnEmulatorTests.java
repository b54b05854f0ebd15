package no.instanceplatform.storage.instances.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

class InstanceStoreOnEmulatorTests extends InstanceStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.emulator();
  }
}
