package no.instanceplatform.storage.texts.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class TextStoreOnMongoDbTests extends TextStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.mongoDb();
  }
}
