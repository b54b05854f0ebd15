package no.instanceplatform.app.storageclient;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import no.instanceplatform.app.AppProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP client to Storage: the JDK's, with bounded waits, reading JSON as the App API itself does. */
@Configuration(proxyBeanMethods = false)
class StorageClientConfiguration {

  /**
   * Built here, not from Boot's shared builder, so that no other customisation changes how Storage is called; no
   * request interceptors, so that uploads stream instead of being buffered.
   */
  @Bean
  RestClient storageRestClient(JsonMapper json, AppProperties properties) {
    // The read timeout is the client's, not the request factory's (see DeadlineHttpClient).
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(properties.storageConnectTimeout())
        // Storage speaks HTTP/1.1; asking for an h2c upgrade would only cost a round trip.
        .version(HttpClient.Version.HTTP_1_1)
        // Without an executor of its own the request factory starts a platform thread for every request body it
        // sends; a virtual thread costs next to nothing.
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
        new DeadlineHttpClient(http, properties.storageReadTimeout()));
    return RestClient.builder()
        .requestFactory(factory)
        .configureMessageConverters(converters -> converters.registerDefaults().withJsonConverter(
            new JacksonJsonHttpMessageConverter(json)))
        .build();
  }
}
