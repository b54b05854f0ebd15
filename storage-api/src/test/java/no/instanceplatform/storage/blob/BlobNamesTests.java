package no.instanceplatform.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class BlobNamesTests {

  @Test
  void blobStoragePathsAreNames() {
    assertThat(BlobNames.requireName("ttd/app/0b2f6c0e-8a3e-4a1c-9d1e-7d1f2d3c4b5a/data/x.y_z-1"))
        .isEqualTo("ttd/app/0b2f6c0e-8a3e-4a1c-9d1e-7d1f2d3c4b5a/data/x.y_z-1");
    assertThat(BlobNames.isName("a/.b/c..d/...")).isTrue();
  }

  @Test
  void namesThatCouldLeaveTheirFolderOrHideCharactersAreNot() {
    for (String name : BlobStoreContract.HOSTILE_NAMES) {
      assertThat(BlobNames.isName(name)).as(name).isFalse();
      assertThatThrownBy(() -> BlobNames.requireName(name)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(BlobNames.isName(null)).isFalse();
    assertThat(BlobNames.isName("a/".repeat(512) + "b")).as("longer than 1024").isFalse();
  }

  @Test
  void aRefusedNameIsQuotedWithItsControlCharactersEscaped() {
    assertThatThrownBy(() -> BlobNames.requireName("a\u0000b\nc")).hasMessageContaining("\"a\\u0000b\\u000ac\"");
  }

  @Test
  void orgsAreLowerCaseLettersIncludingNordicOnesThenDigits() {
    assertThat(BlobNames.requireOrg("ttd")).isEqualTo("ttd");
    assertThat(BlobNames.requireOrg("bø2")).isEqualTo("bø2");
    for (String org : BlobStoreContract.HOSTILE_ORGS) {
      assertThatThrownBy(() -> BlobNames.requireOrg(org)).as(org).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aPrefixIsWholeSegmentsThenOnePartialOrEmptyOne() {
    assertThat(BlobNames.requirePrefix("ttd/app/")).isEqualTo("ttd/app/");
    assertThat(BlobNames.requirePrefix("ttd/app/i1")).isEqualTo("ttd/app/i1");
    assertThat(BlobNames.requirePrefix("t")).isEqualTo("t");
    for (String prefix : new String[] {"", "/", "a//", "../", "a/./", "a/..", "a b", "a\\"}) {
      assertThatThrownBy(() -> BlobNames.requirePrefix(prefix)).as(prefix)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theLimitedStreamPassesTheLimitAndThrowsOnTheByteAfterIt() throws IOException {
    LimitedInputStream exact = new LimitedInputStream(new ByteArrayInputStream(new byte[5]), 5);
    assertThat(exact.readAllBytes()).hasSize(5);
    assertThat(exact.count()).isEqualTo(5);

    LimitedInputStream over = new LimitedInputStream(new ByteArrayInputStream(new byte[6]), 5);
    assertThatThrownBy(over::readAllBytes).isInstanceOf(BlobTooLargeException.class)
        .hasMessageContaining("5 bytes");

    LimitedInputStream byByte = new LimitedInputStream(new ByteArrayInputStream(new byte[2]), 1);
    assertThat(byByte.read()).isZero();
    assertThatThrownBy(byByte::read).isInstanceOf(BlobTooLargeException.class);

    LimitedInputStream skipping = new LimitedInputStream(new ByteArrayInputStream(new byte[6]), 5);
    assertThatThrownBy(() -> skipping.skip(6)).isInstanceOf(BlobTooLargeException.class);
  }

  @Test
  void aContentThatCannotBeReadIsTheCallersFailureNotTheStores() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("client went away");
      }
    };

    assertThatThrownBy(() -> new LimitedInputStream(broken, 10).readFully(new byte[4]))
        .isInstanceOf(UncheckedIOException.class);
  }
}
