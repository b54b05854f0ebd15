package no.instanceplatform.storage.instances.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class InstanceStoreOnMongoDbTests extends InstanceStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.mongoDb();
  }
}
