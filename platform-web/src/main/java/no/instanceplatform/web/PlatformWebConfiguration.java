package no.instanceplatform.web;

import java.time.Duration;
import java.util.List;
import no.instanceplatform.security.CallerArgumentResolver;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service imports to get the shared web behaviour: token authentication parts, the {@code Caller} argument,
 * problem answers for errors outside Spring MVC, and tolerance of a trailing slash.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"no.instanceplatform.web", "no.instanceplatform.security"})
public class PlatformWebConfiguration implements WebMvcConfigurer {

  /**
   * Bytes per socket write of Tomcat (8 KiB by default), and the size in which Storage reads a file from Azure. With 8
   * KiB writes and 16 KiB reads (the JDK client's, which Storage used then) a download of 100 MiB through Storage
   * from Azurite made about 19,000 system calls and cost Storage 160-210 ms of system CPU; at 32 KiB both, 93-115 ms
   * (docs/PERFORMANCE.md, "Reads and writes of 32 KiB"). Larger steps gave little more.
   */
  public static final int SOCKET_WRITE_BYTES = 32 * 1024;

  private final CallerArgumentResolver callerResolver;
  private final BudgetedJsonConverter jsonConverter;

  /**
   * JSON request bodies are read within {@code platform.json-body-memory} (a quarter of the heap unless set), waited
   * for at most {@code platform.json-body-memory-wait} (20 s: less than the App API's 30 s of silence from Storage);
   * see {@link BudgetedJsonConverter}.
   */
  PlatformWebConfiguration(CallerArgumentResolver callerResolver, JsonMapper jsonMapper,
      @Value("${platform.json-body-memory:}") DataSize jsonBodyMemory,
      @Value("${platform.json-body-memory-wait:20s}") Duration wait) {
    this.callerResolver = callerResolver;
    this.jsonConverter = new BudgetedJsonConverter(jsonMapper, MemoryBudget.setOrQuarterOfHeap(jsonBodyMemory, wait));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(callerResolver);
  }

  /**
   * In the place of Boot's JSON converter: this configurer runs after Boot's, which sets that one, and a converter
   * bean would instead be put ahead of the services' own converters.
   */
  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
    converters.withJsonConverter(jsonConverter);
  }

  /**
   * Altinn's clients sometimes add a trailing slash; Spring no longer matches it, so it is removed first (before
   * the security filters too, so that they judge the same path the controllers see).
   */
  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    FilterRegistrationBean<UrlHandlerFilter> registration =
        new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
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
   * Spring Security observes every filter of the chain, every authentication and every authorization, for spans no
   * one collects. Boot's {@code management.observations.enable.spring.security=false} only makes those observations
   * no-ops: the chain still wraps each of its filters anew for every request and asks the observation predicate about
   * each. With these settings it wraps nothing. The requests' own metrics (http.server.requests) stay.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Spring Security accepts a token without {@code exp}, which would then be valid for ever; Altinn's tokens always
   * carry one, so one without is refused. Boot adds every validator bean to the decoder it builds from the issuer;
   * a service that builds its own decoder adds this one itself.
   */
  @Bean
  OAuth2TokenValidator<Jwt> expiryRequired() {
    JwtTimestampValidator validator = new JwtTimestampValidator();
    validator.setAllowEmptyExpiryClaim(false);
    return validator;
  }

  /**
   * Tomcat writes an answer to the socket in steps of its socket write buffer, 8 KiB by default: a file goes out in
   * steps of {@link #SOCKET_WRITE_BYTES} instead, a quarter of the system calls. The buffer is kept per open
   * connection, so a thousand connections held open hold 24 MiB more.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> largerSocketWrites() {
    return factory -> factory.addConnectorCustomizers(connector -> {
      if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BYTES))) {
        throw new IllegalStateException("Tomcat no longer takes socket.appWriteBufSize");
      }
    });
  }

  /**
   * Tomcat answers the requests it refuses before any servlet (headers too large, a malformed request line) with an
   * HTML page from its error report valve; this valve, in its place, answers them with a problem. It runs after
   * Boot's own customizer, which adds the plain valve, and the host is told to add no other.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemResponses problems) {
    return factory -> factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      for (var valve : host.getPipeline().getValves()) {
        if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      host.getPipeline().addValve(new ProblemErrorReportValve(problems));
    });
  }
}
