# Harmonie: construit le jar puis l'exécute sur un JRE 17.
FROM eclipse-temurin:17-jdk AS construction
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=construction /src/target/harmonie.jar /app/harmonie.jar
EXPOSE 8080
# Out of heap, the JVM stops (and compose restarts it) instead of living on with threads killed by the
# OutOfMemoryError, Tomcat's poller among them: a service that accepts connections and never answers.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/harmonie.jar"]
