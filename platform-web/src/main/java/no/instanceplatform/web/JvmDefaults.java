package no.instanceplatform.web;

/**
 * JVM-wide settings that a service's {@code main} makes before anything reads them (the libraries read them once,
 * when their classes load), each only where the command line has not set it, so that {@code -D} still wins.
 */
public final class JvmDefaults {

  /**
   * Bytes per socket read of the JDK HTTP client ({@code jdk.httpclient.bufsize}, 16 KiB by default) and per socket
   * write of Tomcat ({@link PlatformWebConfiguration#largerSocketWrites}, 8 KiB by default). A file that passes
   * through Storage (from Azure, over the JDK client) is read and written in these steps; the App API writes in them.
   * At the defaults a download of 100 MiB through Storage from Azurite made about 19,000 system calls and cost Storage
   * 160-210 ms of system CPU; at 32 KiB 93-115 ms (docs/PERFORMANCE.md). Larger steps gave little more.
   */
  public static final int SOCKET_BUFFER_BYTES = 32 * 1024;

  private JvmDefaults() {}

  /** The JDK HTTP client's read size: {@link #SOCKET_BUFFER_BYTES}, before any client has been built. */
  public static void useLargerHttpClientReads() {
    setUnlessGiven("jdk.httpclient.bufsize", Integer.toString(SOCKET_BUFFER_BYTES));
  }

  /** Sets system property {@code key} to {@code value} unless it has a value already. */
  public static void setUnlessGiven(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
