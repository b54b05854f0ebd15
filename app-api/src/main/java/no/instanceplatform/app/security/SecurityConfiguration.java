package no.instanceplatform.app.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication of every request by a bearer token (RS256 only; signature, lifetime and issuer validated), with a
 * few anonymous routes: application metadata and texts reads (Altinn serves them anonymously), operations and API
 * docs. What a caller may do with an instance is Storage's decision: the App API forwards the caller's token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

  private final CallerArgumentResolver callerResolver;

  SecurityConfiguration(CallerArgumentResolver callerResolver) {
    this.callerResolver = callerResolver;
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
      ProblemAuthenticationEntryPoint unauthenticated, ProblemAccessDeniedHandler forbidden) {
    JwtDecoder decoder = new IssuerFailureJwtDecoder(decoders.getIfAvailable(() -> {
      throw new IllegalStateException("No token issuer is configured: set "
          + "spring.security.oauth2.resourceserver.jwt.issuer-uri (TOKEN_ISSUER_URI) to the platform's issuer.");
    }));
    http
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/{org}/{app}/api/v1/applicationmetadata", "/{org}/{app}/api/v1/texts/**")
            .permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
            .permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new AltinnClaims()))
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden)
            .withObjectPostProcessor(reportingEveryFailure(unauthenticated)))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(forbidden));
    return http.build();
  }

  /**
   * Boot's issuer-uri decoder accepts every algorithm of the issuer's key family (RS256, RS384, RS512); Altinn signs
   * with RS256, so nothing else is accepted.
   */
  @Bean
  JwkSetUriJwtDecoderBuilderCustomizer onlyRs256() {
    return builder -> builder.jwsAlgorithms(algorithms -> {
      algorithms.clear();
      algorithms.add(SignatureAlgorithm.RS256);
    });
  }

  /**
   * By default the bearer filter rethrows a failure to check the token (issuer out of reach), which would end as a
   * 500 with Boot's error body; sent to the entry point instead, it becomes our 503 problem.
   */
  private static ObjectPostProcessor<BearerTokenAuthenticationFilter> reportingEveryFailure(
      ProblemAuthenticationEntryPoint entryPoint) {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
        filter.setAuthenticationFailureHandler(entryPoint::commence);
        return filter;
      }
    };
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(callerResolver);
  }
}
