package no.instanceplatform.storage.data;

import java.io.InputStream;

/**
 * A file as a client sends it: its bytes (streamed), their length as the client declared it before the first byte
 * (-1 when it did not, as with a chunked body), its content type and its file name (from Content-Disposition, may
 * be null).
 */
public record UploadedContent(InputStream stream, long length, String contentType, String filename) {}
