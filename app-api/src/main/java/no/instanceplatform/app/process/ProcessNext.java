package no.instanceplatform.app.process;

/** The body of {@code PUT process/next}, as Altinn's {@code ProcessNext}: the action the user performed, if any. */
record ProcessNext(String action) {}
