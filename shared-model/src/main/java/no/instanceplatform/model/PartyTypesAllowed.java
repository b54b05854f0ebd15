package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Which kinds of party may own instances of an app; all false means all are allowed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartyTypesAllowed(boolean bankruptcyEstate, boolean organisation, boolean person, boolean subUnit) {}
