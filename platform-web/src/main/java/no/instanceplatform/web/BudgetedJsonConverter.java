package no.instanceplatform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson's JSON converter, reading request bodies within a {@link MemoryBudget}: for each byte read,
 * {@value #HEAP_BYTES_PER_BYTE} bytes of the budget are held until the request ends, for what the body becomes (its
 * objects, and the document they are stored as). Jackson's {@code max-document-length} bounds one body; without a
 * budget nothing bound how many were in memory at once, nor what they became: one {@code PUT .../datavalues} of 9 MB
 * ran Storage at {@code -Xmx256m} out of memory while the instance was mapped to its BSON document. A body is counted
 * as it is read, since most come in chunks with no length to reserve for up front (the App API's calls to Storage
 * among them).
 */
public class BudgetedJsonConverter extends JacksonJsonHttpMessageConverter {

  /** A JSON tree takes up to 31 times its text (an array of empty objects); records with maps of strings, some 20. */
  static final int HEAP_BYTES_PER_BYTE = 32;

  private final MemoryBudget budget;

  public BudgetedJsonConverter(JsonMapper mapper, MemoryBudget budget) {
    super(mapper);
    this.budget = budget;
  }

  @Override
  public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
    BodyMemory memory = new BodyMemory();
    if (!RequestMemory.releaseAtRequestEnd(memory::close)) {
      try (memory) {
        return super.read(type, memory.reading(input), hints);
      }
    }
    return super.read(type, memory.reading(input), hints);
  }

  /** The body is longer than the budget holds what it becomes: it is not read further. */
  public static final class TooLarge extends RuntimeException {

    private final long most;

    TooLarge(long most) {
      super("The JSON body is longer than " + most + " bytes, the most this service reads.", null, false, false);
      this.most = most;
    }

    public long most() {
      return most;
    }
  }

  /** What one body holds of the budget, taken as the body is read and given back together. */
  private final class BodyMemory implements AutoCloseable {

    private final MemoryBudget.Holding held = budget.holding();
    private long read;

    HttpInputMessage reading(HttpInputMessage input) {
      return new HttpInputMessage() {
        @Override
        public InputStream getBody() throws IOException {
          return new Counted(input.getBody());
        }

        @Override
        public HttpHeaders getHeaders() {
          return input.getHeaders();
        }
      };
    }

    private void take(int bytes) {
      long most = budget.bytes() / HEAP_BYTES_PER_BYTE;
      read += bytes;
      if (read > most) {
        throw new TooLarge(most);
      }
      held.atLeast(read * HEAP_BYTES_PER_BYTE,
          "The service is reading as many JSON bodies as its memory allows. Try again shortly.");
    }

    @Override
    public void close() {
      held.close();
    }

    private final class Counted extends FilterInputStream {

      Counted(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          take(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          take(n);
        }
        return n;
      }
    }
  }
}
