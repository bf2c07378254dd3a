package dev.contraband.registry;

import dev.contraband.registry.transport.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry delays (no sleeping: the delays are computed, not waited for) and Link headers. */
class TransportPartsTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static RetryPolicy policy(double random) {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(60), d -> {
        }, () -> random, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void delay_retryAfterSeconds_honoured() {
        assertThat(policy(0.0).delay(0, Optional.of("7"))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void delay_retryAfterHttpDate_untilThen() {
        assertThat(policy(0.0).delay(0, Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delay_retryAfterHuge_capped() {
        assertThat(policy(0.0).delay(0, Optional.of("86400"))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void delay_noRetryAfter_exponentialWithFullJitter() {
        assertThat(policy(1.0).delay(0, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(policy(1.0).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(4000));
        assertThat(policy(0.5).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy(1.0).delay(30, Optional.empty())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryable_statusesAndFailures_asTheIssueLists() {
        RetryPolicy p = policy(0);
        assertThat(p.retryableStatus(429)).isTrue();
        assertThat(p.retryableStatus(503)).isTrue();
        assertThat(p.retryableStatus(500)).isFalse();
        assertThat(p.retryableStatus(404)).isFalse();
        assertThat(p.retryable(new IOException("Connection reset"))).isTrue();
        assertThat(p.retryable(new ConnectException())).isFalse();
    }

    @Test
    void nextLink_distributionHeader_targetFound() {
        assertThat(ListingEndpoint.nextLink("</v2/_catalog?last=b&n=2>; rel=\"next\"")).contains("/v2/_catalog?last=b&n=2");
        assertThat(ListingEndpoint.nextLink("<https://x/a>; rel=\"prev\", <https://x/b>; rel=next")).contains("https://x/b");
        assertThat(ListingEndpoint.nextLink("<https://x/a>; rel=\"prev\"")).isEmpty();
    }

    @Test
    void isLoopback_hosts_asDockerAllowsHttp() {
        assertThat(Endpoints.base("localhost:5000", false).toString()).isEqualTo("http://localhost:5000/v2/");
        assertThat(Endpoints.base("127.0.0.1:5000", false).getScheme()).isEqualTo("http");
        assertThat(Endpoints.base("[::1]:5000", false).getScheme()).isEqualTo("http");
        assertThat(Endpoints.base("registry-1.docker.io", false).getScheme()).isEqualTo("https");
        assertThat(Endpoints.base("127.example.com", false).getScheme()).isEqualTo("https");
        assertThat(Endpoints.base("registry.lan:5000", true).getScheme()).isEqualTo("http");
    }
}
