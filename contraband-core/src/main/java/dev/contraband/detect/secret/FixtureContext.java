package dev.contraband.detect.secret;

import java.util.regex.Pattern;

/**
 * Tells files that are test fixtures, examples, documentation or vendored code — where keys are usually fake and
 * where gitleaks and TruffleHog users drown in noise. Such findings are kept, with {@code context: test-fixture} and
 * a severity two levels lower, at most low; they are never dropped silently.
 */
final class FixtureContext {
    static final String TEST_FIXTURE = "test-fixture";
    private static final Pattern FIXTURE_PATH = Pattern.compile(
            "/(tests?|testing|testdata|test-data|test_data|__tests__|spec|specs|fixtures?|examples?|samples?|"
                    + "docs?|documentation|vendor|third[_-]party|mocks?|demo)/"
                    + "|/usr/share/doc/|/usr/share/man/|/node_modules/[^/]+/(test|tests|example|examples|docs?)/"
                    + "|/site-packages/[^/]+/tests?/|/dist-packages/[^/]+/tests?/|_test\\.(go|py|rb|js|ts)$|\\.test\\.(js|ts)$"
                    + "|/test_[^/]+\\.py$|Test\\.java$|_spec\\.rb$"
                    // Distribution shared libraries embed self-test vectors (GnuTLS's FIPS keys), not credentials.
                    + "|^/(usr/)?lib(32|64|x32)?/.*\\.so(\\.[0-9]+)*$");

    private FixtureContext() {
    }

    static boolean isFixture(String path) {
        return FIXTURE_PATH.matcher(path).find();
    }
}
