package no.instanceplatform.app.storageclient;

import no.instanceplatform.app.AppProperties;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP client to Storage (StorageHttpClient), with bounded waits, reading JSON as the App API itself does. */
@Configuration(proxyBeanMethods = false)
class StorageClientConfiguration {

  @Bean
  CloseableHttpClient storageHttpClient(AppProperties properties) {
    return StorageHttpClient.create(properties.storageConnectTimeout(), properties.storageReadTimeout(),
        properties.storageMaxConnections());
  }

  /**
   * Built here, not from Boot's shared builder, so that no other customisation changes how Storage is called; no
   * request interceptors, so that uploads stream instead of being buffered.
   */
  @Bean
  RestClient storageRestClient(CloseableHttpClient storageHttpClient, JsonMapper json) {
    return RestClient.builder()
        .requestFactory(new HttpComponentsClientHttpRequestFactory(storageHttpClient))
        .configureMessageConverters(converters -> converters.registerDefaults().withJsonConverter(
            new JacksonJsonHttpMessageConverter(json)))
        .build();
  }
}
