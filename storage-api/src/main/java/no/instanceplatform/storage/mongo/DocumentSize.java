package no.instanceplatform.storage.mongo;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;

/** How many bytes a document takes as the driver encodes it for the store, which is what MongoDB limits. */
public final class DocumentSize {

  private final Codec<Document> codec;

  public DocumentSize(CodecRegistry registry) {
    this.codec = registry.get(Document.class);
  }

  public int of(Document document) {
    try (BasicOutputBuffer buffer = new BasicOutputBuffer(); BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      codec.encode(writer, document, EncoderContext.builder().build());
      return buffer.getPosition();
    }
  }
}
