package no.instanceplatform.storage.events.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class InstanceEventStoreOnMongoDbTests extends InstanceEventStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.mongoDb();
  }
}
