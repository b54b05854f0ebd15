package no.instanceplatform.storage.data;

import java.io.InputStream;

/**
 * A file as a client sends it: its bytes (streamed, length unknown), its content type and its file name (from
 * Content-Disposition, may be null).
 */
public record UploadedContent(InputStream stream, String contentType, String filename) {}
