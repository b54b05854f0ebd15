package no.instanceplatform.storage.events.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

class InstanceEventStoreOnEmulatorTests extends InstanceEventStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.emulator();
  }
}
