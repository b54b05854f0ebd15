package no.instanceplatform.storage.security;

import no.instanceplatform.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Storage's routes: application metadata and texts are read anonymously (as in Altinn; an app's events are not),
 * and so are the local
 * platform's routes (which exist only when it is on); everything else needs a valid token. Who may do what is
 * decided per resource by {@link AccessPolicy}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ResourceServerSecurity security) {
    return security.filterChain(http, routes -> routes
        .requestMatchers(HttpMethod.GET, "/storage/api/v1/applications/*/*/events").authenticated()
        .requestMatchers(HttpMethod.GET, "/storage/api/v1/applications", "/storage/api/v1/applications/**")
        .permitAll()
        .requestMatchers("/Home/**", "/authentication/**", "/register/**", "/profile/**", "/authorization/**")
        .permitAll());
  }
}
