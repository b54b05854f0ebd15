package no.instanceplatform.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Who triggered an instance event: a user, an organisation or an end-user system. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"userId", "orgId", "authenticationLevel", "endUserSystemId", "nationalIdentityNumber"})
public record PlatformUser(
    Integer userId,
    String orgId,
    int authenticationLevel,
    @JsonAlias("enduserSystemId") Integer endUserSystemId,
    String nationalIdentityNumber) {}
