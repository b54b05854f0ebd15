package no.instanceplatform.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;

/**
 * The filter chain both services share: stateless bearer-token authentication (RS256; signature, lifetime and
 * issuer validated), the caller read from Altinn's claims, problems for every refusal, and anonymous operations and
 * API-doc routes. Each service adds the routes it serves anonymously; everything else needs a valid token.
 */
@Component
public class ResourceServerSecurity {

  /** The request-matcher registry a service adds its anonymous routes to. */
  public interface PublicRoutes extends Customizer<
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {}

  private final ObjectProvider<JwtDecoder> decoders;
  private final ProblemAuthenticationEntryPoint unauthenticated;
  private final ProblemAccessDeniedHandler forbidden;

  ResourceServerSecurity(ObjectProvider<JwtDecoder> decoders, ProblemAuthenticationEntryPoint unauthenticated,
      ProblemAccessDeniedHandler forbidden) {
    this.decoders = decoders;
    this.unauthenticated = unauthenticated;
    this.forbidden = forbidden;
  }

  public SecurityFilterChain filterChain(HttpSecurity http, PublicRoutes publicRoutes) {
    JwtDecoder decoder = new ValidatedTokenCache(new IssuerFailureJwtDecoder(decoders.getIfAvailable(() -> {
      throw new IllegalStateException("No token issuer is configured: set "
          + "spring.security.oauth2.resourceserver.jwt.issuer-uri to the platform's issuer (TOKEN_ISSUER_URI for "
          + "the App API; for Storage in development, storage.local-platform.enabled=true instead).");
    })), Clock.systemUTC());
    http
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
              "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
          publicRoutes.customize(requests);
          requests.anyRequest().authenticated();
        })
        .oauth2ResourceServer(resourceServer -> resourceServer
            .bearerTokenResolver(new AuthorizationHeaderTokenResolver())
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new AltinnClaims()))
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden)
            .withObjectPostProcessor(reportingEveryFailure()))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden));
    return http.build();
  }

  /**
   * By default the bearer filter rethrows a failure to check the token (issuer out of reach), which would end as a
   * 500 with Boot's error body; sent to the entry point instead, it becomes a 503 problem.
   */
  private ObjectPostProcessor<BearerTokenAuthenticationFilter> reportingEveryFailure() {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
        filter.setAuthenticationFailureHandler(unauthenticated::commence);
        return filter;
      }
    };
  }
}
