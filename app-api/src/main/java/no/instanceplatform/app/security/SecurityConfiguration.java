package no.instanceplatform.app.security;

import no.instanceplatform.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The App API's routes: app metadata and texts are read anonymously (as Altinn serves them); everything else needs
 * a valid token. What a caller may do with an instance is Storage's decision: the App API forwards the token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ResourceServerSecurity security) {
    return security.filterChain(http, routes -> routes
        .requestMatchers(HttpMethod.GET, "/{org}/{app}/api/v1/applicationmetadata", "/{org}/{app}/api/v1/texts/**")
        .permitAll());
  }
}
