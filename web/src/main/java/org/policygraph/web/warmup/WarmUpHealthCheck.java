package org.policygraph.web.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} waits for the warm-up: a load balancer that sends traffic only to ready instances spares
 * the first visitors the half minute a cold app spends planning queries under load. Never longer than
 * {@link WarmUp#READINESS_LIMIT}; liveness ({@code /q/health/live}) is not affected.
 */
@Readiness
@ApplicationScoped
public class WarmUpHealthCheck implements HealthCheck {

    private final WarmUp warmUp;

    WarmUpHealthCheck(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up")
                .status(warmUp.done())
                .withData(
                        "state",
                        warmUp.done() ? "the main pages' queries are planned" : "planning the main pages' queries")
                .build();
    }
}
