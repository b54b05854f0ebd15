# syntax=docker/dockerfile:1
# Image of one service, storage-api or app-api, named by the MODULE build argument. Build from the repository
# root (the context holds all modules):
#   docker build --build-arg MODULE=storage-api -t instance-platform/storage-api .
#   docker build --build-arg MODULE=app-api -t instance-platform/app-api .
# docker-compose.yml does the same for both services.

# --- build stage: Maven builds the module and the modules it depends on ---------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
ARG MODULE
WORKDIR /build
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit). The runnable jar has the
# classifier exec; the unclassified jar beside it is the plain library jar.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$MODULE" || { echo "set --build-arg MODULE=storage-api or MODULE=app-api" >&2; exit 1; }; \
    mvn -B -ntp -pl "$MODULE" -am -DskipTests package \
 && mkdir -p /out \
 && cp "$(find "$MODULE/target" -maxdepth 1 -name "$MODULE-*-exec.jar")" /out/app.jar

# --- runtime stage: a JRE and the Spring Boot jar, run as a non-root user ----------------------
FROM eclipse-temurin:21-jre
# curl is used by the compose health check; the Temurin image has it, install it if it ever does not.
RUN command -v curl >/dev/null \
 || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system app \
 && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/data \
 && chown -R app:app /app
WORKDIR /app
COPY --from=build --chown=app:app /out/app.jar /app/app.jar
USER app
# The heap is committed up front: G1 otherwise shrank a service's heap to a few times what it held and then ran
# concurrent marking cycles back to back that freed nothing. Given up front, it cut Storage's CPU per download by a
# third to a half (docs/PERFORMANCE.md, "A heap given up front").
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75"
# Storage listens on 5101, the App API on 5005 (SERVER_PORT overrides either).
EXPOSE 5101 5005
ENTRYPOINT ["java","-jar","/app/app.jar"]
