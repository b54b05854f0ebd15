package no.instanceplatform.storage.applications.mongo;

import no.instanceplatform.storage.support.MongoBackends;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ApplicationStoreOnMongoDbTests extends ApplicationStoreContract {

  @Override
  MongoTemplate mongo() {
    return MongoBackends.mongoDb();
  }
}
