package no.instanceplatform.storage.texts.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;

class TextStoreOnEmulatorTests extends TextStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.emulator();
  }
}
