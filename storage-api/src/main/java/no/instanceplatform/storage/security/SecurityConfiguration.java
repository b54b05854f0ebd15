package no.instanceplatform.storage.security;

import java.util.List;
import no.instanceplatform.storage.web.ProblemAuthenticationEntryPoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication of every request by a bearer token (RS256, signature, lifetime and issuer validated), with a few
 * anonymous routes: application metadata and texts reads, operations, API docs and the local platform. Who may do
 * what is decided per resource by {@link AccessPolicy}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

  private final CallerArgumentResolver callerResolver;

  SecurityConfiguration(CallerArgumentResolver callerResolver) {
    this.callerResolver = callerResolver;
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
      ProblemAuthenticationEntryPoint problems) throws Exception {
    JwtDecoder decoder = decoders.getIfAvailable(() -> {
      throw new IllegalStateException("No token issuer is configured: set "
          + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri) to the platform's issuer, "
          + "or enable the local platform for development (storage.local-platform.enabled=true).");
    });
    http
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/storage/api/v1/applications", "/storage/api/v1/applications/**")
            .permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html", "/error")
            .permitAll()
            .requestMatchers("/Home/**", "/authentication/**", "/register/**", "/profile/**", "/authorization/**")
            .permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new AltinnClaims()))
            .authenticationEntryPoint(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems));
    return http.build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(callerResolver);
  }
}
