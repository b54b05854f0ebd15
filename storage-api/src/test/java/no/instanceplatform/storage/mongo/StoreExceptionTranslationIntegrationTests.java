package no.instanceplatform.storage.mongo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import no.instanceplatform.storage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Seen with the emulator run out of memory under 64 queries at once: six requests failed with the driver's paused
 * pool, uncategorized, and were 500s; the others, with the server's socket errors, 503s.
 */
class StoreExceptionTranslationIntegrationTests extends IntegrationTest {

  @Test
  void aPausedConnectionPoolIsTheStoreOutOfReach() {
    MongoConnectionPoolClearedException paused = new MongoConnectionPoolClearedException(
        new ServerId(new ClusterId(), new ServerAddress()), null);

    assertThatThrownBy(() -> mongo.execute(db -> {
      throw paused;
    })).isInstanceOf(DataAccessResourceFailureException.class).hasCause(paused);
  }
}
