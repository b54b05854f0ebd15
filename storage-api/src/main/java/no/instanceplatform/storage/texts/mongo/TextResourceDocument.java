package no.instanceplatform.storage.texts.mongo;

import java.util.List;
import no.instanceplatform.model.TextResourceElement;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The persisted texts of one application in one language, keyed by {@code org-app-language} as in Altinn. */
@Document("texts")
record TextResourceDocument(
    @Id String id, String org, String app, String language, List<TextResourceElement> resources) {}
