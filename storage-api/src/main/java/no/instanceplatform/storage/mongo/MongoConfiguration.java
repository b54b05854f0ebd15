package no.instanceplatform.storage.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.instanceplatform.storage.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;

/**
 * Connects Storage to MongoDB: the configured server, or an in-process emulator when none is configured,
 * so that {@code bin/run} and the tests need nothing installed.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

  @Bean
  MongoConnectionDetails mongoConnectionDetails(StorageMongoProperties mongo, EmbeddedMongo embedded) {
    String uri = mongo.embedded() ? embedded.connectionString() : mongo.uri();
    ConnectionString parsed = new ConnectionString(uri);
    ConnectionString withDatabase = parsed.getDatabase() != null ? parsed
        : new ConnectionString(withDatabase(uri, mongo.database()));
    return () -> withDatabase;
  }

  /**
   * Fails fast when MongoDB cannot be reached: the driver's defaults wait 30 s for a server, and a request waiting
   * that long holds a thread and answers the caller late. A URI that sets its own timeouts keeps them.
   */
  @Bean
  MongoClientSettingsBuilderCustomizer failFast(MongoConnectionDetails details, StorageMongoProperties mongo) {
    ConnectionString uri = details.getConnectionString();
    return settings -> {
      if (uri.getServerSelectionTimeout() == null) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
            mongo.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
      }
      if (uri.getConnectTimeout() == null) {
        settings.applyToSocketSettings(socket -> socket.connectTimeout(
            mongo.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
      }
    };
  }

  /** Static: a post-processor is made before the other beans, the database factory among them. */
  @Bean
  static BeanPostProcessor storeExceptionTranslation() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
          factory.setExceptionTranslator(new StoreExceptionTranslator());
        }
        return bean;
      }
    };
  }

  @Bean(destroyMethod = "close")
  EmbeddedMongo embeddedMongo(StorageMongoProperties mongo, StorageProperties storage) {
    if (!mongo.embedded()) {
      return EmbeddedMongo.none();
    }
    MongoBackend backend = mongo.embeddedInMemory() ? EmulatorBackends.inMemory() : h2Backend(storage.dataDir());
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    log.info("Embedded MongoDB emulator (mongo-java-server, {}) on {}", mongo.embeddedInMemory() ? "in memory"
        : "persisted under " + storage.dataDir().toAbsolutePath(), address);
    return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + address.getPort());
  }

  private static MongoBackend h2Backend(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
    }
    return EmulatorBackends.persisted(dataDir.resolve("storage-mongo.mv").toString());
  }

  private static String withDatabase(String uri, String database) {
    int query = uri.indexOf('?');
    String base = query < 0 ? uri : uri.substring(0, query);
    String options = query < 0 ? "" : uri.substring(query);
    int hostsStart = base.indexOf("://") + 3;
    int slash = base.indexOf('/', hostsStart);
    String hosts = slash < 0 ? base : base.substring(0, slash);
    return hosts + "/" + database + options;
  }

  /** The in-process server, if one was started. */
  record EmbeddedMongo(MongoServer server, String connectionString) implements AutoCloseable {

    static EmbeddedMongo none() {
      return new EmbeddedMongo(null, null);
    }

    @Override
    public void close() {
      if (server != null) {
        server.shutdown();
      }
    }
  }
}
