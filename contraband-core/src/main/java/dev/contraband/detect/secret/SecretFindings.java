package dev.contraband.detect.secret;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Severity;

/** Turns a candidate secret into a finding: redacted evidence, a message naming where, fixture context applied. */
final class SecretFindings {
    private SecretFindings() {
    }

    static Finding of(SecretRule rule, Location location, String where, String secret, String path) {
        Finding f = Finding.of(rule.rule(), location, rule.rule().title() + " in " + where,
                Redactor.redact(secret), null, secret);
        if (path != null && FixtureContext.isFixture(path)) {
            // Two levels lower and at most low: a fixture key stays visible but never decides the verdict.
            Severity lowered = f.severity().lower().lower();
            f = f.withSeverity(lowered.atLeast(Severity.LOW) ? Severity.LOW : lowered, FixtureContext.TEST_FIXTURE);
        }
        return f;
    }
}
