package no.instanceplatform.storage.messagebox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The body of {@code POST /sbl/instances/search}, Altinn's {@code MessageBoxQueryModel}: the parties, which boxes
 * ({@code include*}; none means nothing), inclusive date-time bounds, and a text to find in app titles. The dates
 * are read as Storage reads query dates (an ISO 8601 date-time; without an offset it is UTC), so a .NET client's
 * {@code DateTime} is understood.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessageBoxSearch(
    List<Integer> instanceOwnerPartyIdList,
    String appId,
    Boolean includeActive,
    Boolean includeArchived,
    Boolean includeDeleted,
    String fromLastChanged,
    String toLastChanged,
    String fromCreated,
    String toCreated,
    String searchString,
    String language) {}
