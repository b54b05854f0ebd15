package no.instanceplatform.storage.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Spring Data's translation, but for the driver's paused connection pool, which it leaves uncategorized (a 500):
 * the driver pauses the pool when an operation found the server gone, and every request then fails with it until
 * the server is back. The store is out of reach, as with a socket error, and the caller may try again (503).
 */
final class StoreExceptionTranslator extends MongoExceptionTranslator {

  @Override
  public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    if (ex instanceof MongoConnectionPoolClearedException) {
      return new DataAccessResourceFailureException(ex.getMessage(), ex);
    }
    return super.translateExceptionIfPossible(ex);
  }
}
