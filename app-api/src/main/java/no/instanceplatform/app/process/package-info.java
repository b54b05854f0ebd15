/**
 * The process of an app: {@link no.instanceplatform.app.process.BpmnParser} reads {@code process.bpmn} into an
 * immutable {@link no.instanceplatform.app.process.ProcessDefinition}, and the pure
 * {@link no.instanceplatform.app.process.ProcessEngine} computes the next process state and the instance events
 * that record the move, with Altinn's event types and fields. The process endpoints ({@code ProcessController},
 * {@code ProcessService}) run it against Storage: they validate the current task's data ({@code TaskValidator},
 * with the apps' JSON schemas in {@code FormDataSchemas}), lock it, and store the state and its events in one write.
 */
package no.instanceplatform.app.process;
