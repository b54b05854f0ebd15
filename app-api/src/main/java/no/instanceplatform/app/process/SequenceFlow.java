package no.instanceplatform.app.process;

/**
 * An arrow between two elements of a process definition.
 *
 * @param conditionExpression the condition text as written, {@code null} when none; kept for reference only,
 *     since the engine does not evaluate conditions
 */
public record SequenceFlow(String id, String sourceRef, String targetRef, String conditionExpression) {}
