package no.instanceplatform.storage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The UTF-8 check agrees with the JDK's strict decoder on every byte sequence, and passes the bytes unchanged. */
class WellFormedUtf8InputStreamProperties {

  @Property(tries = 2000)
  void acceptsExactlyWhatTheStrictDecoderAccepts(@ForAll("mostlyHighBytes") byte[] bytes) throws IOException {
    if (strictlyDecodable(bytes)) {
      assertThat(readThrough(bytes)).isEqualTo(bytes);
    } else {
      assertThatThrownBy(() -> readThrough(bytes)).isInstanceOf(MalformedInputException.class);
    }
  }

  @Property(tries = 200)
  void anyTextEncodedAsUtf8PassesUnchanged(@ForAll String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (strictlyDecodable(bytes)) { // a lone surrogate in the text is encoded as '?', which is fine too
      assertThat(readThrough(bytes)).isEqualTo(bytes);
    }
  }

  @Example
  void theFormsJacksonDecodesButUnicodeForbidsAreRefused() {
    byte[][] forbidden = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
    for (byte[] bytes : forbidden) {
      assertThatThrownBy(() -> readThrough(bytes)).isInstanceOf(MalformedInputException.class);
    }
  }

  /** Random bytes, most of them 0x80 and above, so that multi-byte sequences of every kind turn up. */
  @Provide
  Arbitrary<byte[]> mostlyHighBytes() {
    Arbitrary<Byte> high = Arbitraries.integers().between(0x80, 0xFF).map(Integer::byteValue);
    Arbitrary<Byte> ascii = Arbitraries.integers().between(0x00, 0x7F).map(Integer::byteValue);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, high), net.jqwik.api.Tuple.of(1, ascii))
        .array(byte[].class).ofMaxSize(12);
  }

  private static byte[] readThrough(byte[] bytes) throws IOException {
    // One byte at a time as well as in blocks, so that sequences split across reads are checked too.
    try (InputStream blocks = new WellFormedUtf8InputStream(new ByteArrayInputStream(bytes));
        InputStream single = new WellFormedUtf8InputStream(new ByteArrayInputStream(bytes))) {
      byte[] read = blocks.readAllBytes();
      while (single.read() >= 0) {
        continue; // each byte is checked as it is read
      }
      return read;
    }
  }

  private static boolean strictlyDecodable(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
