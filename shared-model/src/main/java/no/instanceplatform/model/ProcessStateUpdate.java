package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A new process state and the events that record the move, stored together. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessStateUpdate(ProcessState state, List<InstanceEvent> events) {}
