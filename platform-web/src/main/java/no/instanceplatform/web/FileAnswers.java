package no.instanceplatform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.coyote.CloseNowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file's bytes as the answer, in the request's thread.
 *
 * <p>A source that fails once the answer has begun (a blob store, or Storage behind the App API, in the middle of a
 * file) leaves one honest way out: ending the connection, so that the client sees a broken transfer and never takes
 * a short file for the whole. That is logged in one line here and thrown as Tomcat's {@link CloseNowException}, which
 * the problem handlers pass on ({@link ProblemAdviceSupport}) and on which Tomcat closes the connection without
 * logging it again. Resolving the failure instead would leave the connection open, the client waiting for the rest
 * of the Content-Length until a timeout. A failure before the answer has begun clears the file's headers and goes to
 * the problem handlers as any other; a client that goes away is Spring's to log (at debug).
 */
public final class FileAnswers {

  private static final Logger log = LoggerFactory.getLogger(FileAnswers.class);

  private FileAnswers() {}

  /** Copies {@code source} to the answer's body; the headers must be set. */
  public static void write(InputStream source, HttpServletResponse response) throws IOException {
    ClientOutput out = new ClientOutput(response.getOutputStream());
    try {
      source.transferTo(out);
    } catch (IOException | RuntimeException e) {
      if (out.failed) {
        throw e;
      }
      if (!response.isCommitted()) {
        // Nothing has gone out: the file's headers go too, so that the problem handlers answer as for any failure.
        response.reset();
        throw e;
      }
      log.warn("A file's source failed after {} bytes of its answer had been written; the connection is ended: {}",
          out.written, e.toString());
      // Without the source's failure as its cause: Spring takes an EOFException anywhere in the causes for a client
      // that went away, and then ends the answer as if it were whole, leaving the connection open.
      throw new CloseNowException("The file's source failed in the middle of its answer");
    }
  }

  /** The answer's stream, noting whether writing to the client failed (the client's side, not the source's). */
  private static final class ClientOutput extends FilterOutputStream {

    private boolean failed;
    private long written;

    ClientOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
        written += length;
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e;
      }
    }
  }
}
