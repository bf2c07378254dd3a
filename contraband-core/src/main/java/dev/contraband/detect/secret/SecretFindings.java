package dev.contraband.detect.secret;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;

/** Turns a candidate secret into a finding: redacted evidence, a message naming where, fixture context applied. */
final class SecretFindings {
    private SecretFindings() {
    }

    static Finding of(SecretRule rule, Location location, String where, String secret, String path) {
        Finding f = Finding.of(rule.rule(), location, rule.rule().title() + " in " + where,
                Redactor.redact(secret), null, secret);
        if (path != null && FixtureContext.isFixture(path)) {
            f = f.withSeverity(f.severity().lower().lower(), FixtureContext.TEST_FIXTURE);
        }
        return f;
    }
}
