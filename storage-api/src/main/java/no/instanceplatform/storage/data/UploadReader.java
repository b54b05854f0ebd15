package no.instanceplatform.storage.data;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import no.instanceplatform.storage.common.StorageException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads an upload from the request as Altinn does: the raw body with its Content-Type, the file name from
 * Content-Disposition ({@code filename*} preferred, URL-decoded); a multipart body gives its first part instead.
 */
@Component
class UploadReader {

  UploadedContent read(HttpServletRequest request) {
    String contentType = request.getContentType();
    try {
      if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
        return firstPart(request);
      }
      return new UploadedContent(request.getInputStream(), request.getContentLengthLong(), contentType,
          filename(request.getHeader(HttpHeaders.CONTENT_DISPOSITION)));
    } catch (IOException | ServletException | IllegalStateException e) {
      throw StorageException.invalid("The request body could not be read as an upload.");
    }
  }

  private static UploadedContent firstPart(HttpServletRequest request) throws IOException, ServletException {
    Collection<Part> parts = request.getParts();
    Part first = parts.stream().findFirst()
        .orElseThrow(() -> StorageException.invalid("The multipart body has no part."));
    String filename = first.getSubmittedFileName() != null ? first.getSubmittedFileName()
        : filename(first.getHeader(HttpHeaders.CONTENT_DISPOSITION));
    return new UploadedContent(first.getInputStream(), first.getSize(), first.getContentType(), filename);
  }

  static String filename(String contentDisposition) {
    if (contentDisposition == null || contentDisposition.isBlank()) {
      return null;
    }
    try {
      String name = ContentDisposition.parse(contentDisposition).getFilename();
      if (name == null) {
        return null;
      }
      // filename* (RFC 6266) arrives decoded; a plain filename is URL-encoded by Altinn's clients.
      boolean extended = contentDisposition.toLowerCase(Locale.ROOT).contains("filename*");
      String decoded = extended ? name : URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
      // Kept exactly: spaces at either end are part of a legal name (the header's own whitespace is the parser's).
      return decoded.isBlank() ? null : FileNames.require(decoded);
    } catch (IllegalArgumentException e) {
      throw StorageException.invalid("The Content-Disposition header is malformed.");
    }
  }
}
