package no.instanceplatform.storage.blob.azure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digest of a blob's Content-MD5, which a put stores and a read checks: one place, so the two agree. */
final class ContentMd5 {

  private ContentMd5() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK lacks MD5", e);
    }
  }
}
