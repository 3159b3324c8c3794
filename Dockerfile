# Tunegate container image: build with the Maven wrapper, then run the layered jar as a non-root user.
#   docker build -t tunegate .
#   docker run -p 8080:8080 -e TUNEGATE_BOOTSTRAP_KEY=... tunegate

# ---- build ---------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build

# Wrapper and poms first: the dependency download below stays cached until a pom changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY tunegate-client/pom.xml tunegate-client/
COPY tunegate-cli/pom.xml tunegate-cli/
COPY tunegate-server/pom.xml tunegate-server/
# chmod: the executable bit can be lost on checkouts made on Windows.
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# The pom's maven-toolchains-plugin (select-jdk-toolchain, version [21,)) finds a JDK by itself:
# here JAVA_HOME is this image's JDK 21, which it discovers and accepts, so no toolchains.xml is needed.
# config/ holds the model catalog the jar carries a copy of.
COPY config/ config/
COPY tunegate-client/src/ tunegate-client/src/
COPY tunegate-cli/src/ tunegate-cli/src/
COPY tunegate-server/src/ tunegate-server/src/
RUN ./mvnw -B -q package -DskipTests -pl tunegate-server -am

# Split the fat jar into its layers (Spring Boot 4 "tools" jar mode); --launcher keeps JarLauncher,
# so the runtime needs no main-class or classpath knowledge.
RUN java -Djarmode=tools -jar tunegate-server/target/tunegate-server-*.jar extract --layers --launcher --destination extracted

# ---- runtime -------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jre

# Fixed, unprivileged uid/gid so volume permissions and Kubernetes runAsNonRoot work predictably.
RUN groupadd --gid 10001 tunegate \
    && useradd --uid 10001 --gid 10001 --home-dir /var/lib/tunegate --no-create-home \
       --shell /usr/sbin/nologin tunegate \
    && mkdir -p /var/lib/tunegate \
    && chown 10001:10001 /var/lib/tunegate

WORKDIR /app
# Least to most frequently changing, so a code change only rebuilds the last, small layer.
# The files stay root-owned: the application cannot modify its own code.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

USER 10001
# Local state: the embedded PostgreSQL (used when TUNEGATE_DATABASE_URL is unset) and its generated
# bootstrap key live here; mount a volume on it to keep them.
ENV TUNEGATE_DATA_DIR=/var/lib/tunegate
EXPOSE 8080

# No HEALTHCHECK: the JRE image has no curl/wget. Orchestrators should probe
# /actuator/health/liveness and /actuator/health/readiness instead.
# A fixed G1 marking threshold: with small heaps (256 MB) G1's adaptive one can settle below the live
# old generation (jtokkit's vocabulary) and mark non-stop during dataset ingest (docs/benchmarks.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:-G1UseAdaptiveIHOP", "org.springframework.boot.loader.launch.JarLauncher"]
