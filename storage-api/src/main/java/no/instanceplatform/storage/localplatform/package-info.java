/**
 * The parts of Altinn's platform that Storage and apps need and that Altinn LocalTest provides: test tokens,
 * the signing keys behind them, Register, Profile and the parties a user may represent, all from one test data
 * file. On for {@code bin/run} and the tests ({@code storage.local-platform.enabled}); never in production, where
 * these are Altinn's (or the operator's) services.
 */
package no.instanceplatform.storage.localplatform;
