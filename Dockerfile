# syntax=docker/dockerfile:1

# Stage 1: build the executable jar with the Maven Wrapper, so the image needs no Maven of its own.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the wrapper's Maven) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests package

# Stage 2: only the JRE and the jar.
FROM eclipse-temurin:17-jre
# ubuntu:24.04 already has uid 1000 (ubuntu), so the service account gets its own id.
# The default profile keeps its H2 database under ./data, i.e. /app/data, so the service account
# must own that folder (mount a volume there to keep it; the postgres profile does not use it).
RUN groupadd --system --gid 10001 cultivate \
    && useradd --system --uid 10001 --gid cultivate --home-dir /app --no-create-home --shell /usr/sbin/nologin cultivate \
    && mkdir -p /app/data \
    && chown cultivate:cultivate /app/data
WORKDIR /app
# spring-boot:repackage leaves cultivate-<version>.jar plus a .jar.original, which this pattern skips
COPY --from=build /workspace/target/cultivate-*.jar app.jar
USER 10001:10001
# A container's memory limit, not the host's, decides the heap.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
