package no.instanceplatform.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** {@code Listener PORT}: a process that takes connections on 127.0.0.1:PORT until it is stopped. */
public final class Listener {

  private Listener() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        server.accept().close();
      }
    }
  }
}
