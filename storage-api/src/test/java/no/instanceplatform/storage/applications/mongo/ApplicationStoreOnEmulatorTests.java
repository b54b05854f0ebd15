package no.instanceplatform.storage.applications.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

class ApplicationStoreOnEmulatorTests extends ApplicationStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.emulator();
  }
}
