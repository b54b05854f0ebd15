package no.instanceplatform.model;

import java.util.List;

/** The data elements of an instance, wrapped as Altinn wraps them. */
public record DataElementList(List<DataElement> dataElements) {}
