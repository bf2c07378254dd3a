package dev.contraband.bench;

import dev.contraband.detect.name.ImageName;
import dev.contraband.detect.name.NameChecker;
import dev.contraband.detect.name.ReferenceSet;
import dev.contraband.detect.name.ReferenceStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Time to judge one name against the whole built-in reference set (issue 6: well under a millisecond, so a sweep
 * of a registry's millions of names is cheap). Names are cycled so no single branch is measured alone; the kinds
 * are the expensive legitimate case (a stranger's unrelated name runs every technique to the end), impostors
 * (which stop at the technique that catches them), and a mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NameCheckBenchmark {
    private static final String[] LEGIT = {"jwilder/nginx-proxy", "containrrr/watchtower", "louislam/uptime-kuma",
            "tiangolo/uvicorn-gunicorn-fastapi", "opensearchproject/opensearch-dashboards", "acme-corp/billing-service",
            "homeassistant/home-assistant", "dpage/pgadmin4", "ghcr.io/goauthentik/server", "nginx", "bitnami/redis"};
    private static final String[] IMPOSTORS = {"x/ngnix", "x/elastisearhc", "libary/nginx", "x/golang-alpine",
            "x/node-js", "x/ng1nx", "bitnamii/redis", "x/nginx-official", "vibersastra/ubuntu", "x/pyhton-alpine"};

    @Param({"legit", "impostor", "mixed"})
    public String kind;

    private NameChecker checker;
    private ImageName[] names;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        checker = new NameChecker(ReferenceStore.builtIn());
        String[] chosen = switch (kind) {
            case "legit" -> LEGIT;
            case "impostor" -> IMPOSTORS;
            default -> concat(LEGIT, IMPOSTORS);
        };
        names = new ImageName[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            names[i] = ImageName.parse(chosen[i]);
        }
    }

    /** One name judged; parsing is measured separately below. */
    @Benchmark
    public Optional<?> checkOne() {
        ImageName n = names[next];
        next = next + 1 == names.length ? 0 : next + 1;
        return checker.check(n);
    }

    /** Parsing plus judging, as `name-check` does for each argument. */
    @Benchmark
    public Optional<?> parseAndCheckOne() {
        ImageName n = names[next];
        next = next + 1 == names.length ? 0 : next + 1;
        return checker.check(n.toString());
    }

    /** Building the indexes from the reference set, paid once per process. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 20)
    public NameChecker buildChecker() {
        ReferenceSet set = ReferenceStore.builtIn();
        return new NameChecker(set);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
