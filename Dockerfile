# Harmonie: construit le jar puis l'exécute sur un JRE 17.
FROM eclipse-temurin:17-jdk AS construction
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=construction /src/target/harmonie.jar /app/harmonie.jar
EXPOSE 8080
# In a container, listen on its interface: without a base (demo accounts), Harmonie would otherwise listen on the
# container's loopback only, out of reach of « docker run -p ». Compose gives a base, hence no demo account.
ENV SERVER_ADDRESS=0.0.0.0
# Out of heap, the JVM stops (and compose restarts it) instead of living on with threads killed by the
# OutOfMemoryError, Tomcat's poller among them: a service that accepts connections and never answers.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/harmonie.jar"]
