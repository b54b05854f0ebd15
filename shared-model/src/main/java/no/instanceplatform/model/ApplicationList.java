package no.instanceplatform.model;

import java.util.List;

/** A list of applications, wrapped as Altinn wraps it. */
public record ApplicationList(List<Application> applications) {}
