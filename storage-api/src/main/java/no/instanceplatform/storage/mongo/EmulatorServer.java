package no.instanceplatform.storage.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB emulator Storage embeds ({@link EmulatorBackends#inMemory()}), on its own on a given loopback port, for
 * a process of its own: so that the benchmarks' driver baselines use the very store Storage uses and count its CPU
 * time and memory apart from Storage's, and so that a test can kill Storage and keep what it stored. Storage embeds
 * it on a random port it does not publish, hence this.
 */
public final class EmulatorServer {

  private EmulatorServer() {}

  /** {@code EmulatorServer PORT}: listens on 127.0.0.1:PORT until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    MongoServer server = new MongoServer(EmulatorBackends.inMemory());
    server.bind("127.0.0.1", Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "emulator-stop"));
    new CountDownLatch(1).await();
  }
}
