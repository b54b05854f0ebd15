package no.instanceplatform.app.web;

import no.instanceplatform.web.ProblemAdviceSupport;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The App API's problem answers: the shared ones, until the App API has refusals of its own. */
@RestControllerAdvice
class ProblemAdvice extends ProblemAdviceSupport {}
