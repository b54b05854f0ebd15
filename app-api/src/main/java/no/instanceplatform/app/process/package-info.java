/**
 * The process of an app: {@link no.instanceplatform.app.process.BpmnParser} reads {@code process.bpmn} into an
 * immutable {@link no.instanceplatform.app.process.ProcessDefinition}, and the pure
 * {@link no.instanceplatform.app.process.ProcessEngine} computes the next process state and the instance events
 * that record the move, with Altinn's event types and fields. Nothing here talks to Storage or HTTP: the caller
 * stores the state and events.
 */
package no.instanceplatform.app.process;
