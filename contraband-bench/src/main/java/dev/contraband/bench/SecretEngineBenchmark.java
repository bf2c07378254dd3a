package dev.contraband.bench;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.secret.SecretFileDetector;
import dev.contraband.detect.secret.SecretRuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The secret engine with the full built-in rule set on text-heavy data: 32 MiB of source-like and config-like
 * text in files of 2–64 KiB (per-file costs included), pushed in 64 KiB chunks as the layer walker does, one
 * thread. Throughput in MB/s = 32 / (seconds per operation). Issue 4 asks for at least 500 MB/s per core.
 * Run: ./mvnw -q -pl contraband-bench -am package -DskipTests && java --enable-native-access=ALL-UNNAMED
 * -jar contraband-bench/target/benchmarks.jar SecretEngine
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SecretEngineBenchmark {
    static final int TOTAL = 32 << 20;
    private static final String[] WORDS = ("the of and to in is for on that with as by this be are from at or an it not "
            + "return function const let var if else while import export class public private static void int string "
            + "config value key name path host port user timeout retry enabled true false null none default value "
            + "http https localhost example org com net api v1 v2 json yaml xml data file error warning info debug").split(" ");
    private List<byte[]> files;
    private SecretFileDetector detector;

    @Setup
    public void setup() {
        detector = new SecretFileDetector(SecretRuleSet.builtIn());
        Random r = new Random(1);
        files = new ArrayList<>();
        int total = 0;
        while (total < TOTAL) {
            int size = 2048 + r.nextInt(62 << 10);
            StringBuilder s = new StringBuilder(size + 128);
            while (s.length() < size) {
                int kind = r.nextInt(10);
                if (kind < 6) {
                    for (int w = 0; w < 8 + r.nextInt(8); w++) {
                        s.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                    }
                } else if (kind < 8) {
                    s.append(WORDS[r.nextInt(WORDS.length)]).append("_").append(WORDS[r.nextInt(WORDS.length)])
                            .append(" = \"").append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(1000)).append('"');
                } else {
                    for (int k = 0; k < 60; k++) {
                        s.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charAt(r.nextInt(64)));
                    }
                }
                s.append('\n');
            }
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            files.add(b);
            total += b.length;
        }
    }

    @Benchmark
    public void scan32MiB(Blackhole bh) {
        int i = 0;
        for (byte[] f : files) {
            FileEntry e = new FileEntry("/app/src/file" + (i++) + (System.getProperty("bench.ext", ".txt")), FileEntry.Type.FILE, 0644, 0, 0, f.length, null);
            FileAnalysis a = detector.analyze(e);
            for (int off = 0; off < f.length && a.wantsMore(); off += 64 << 10) {
                a.update(f, off, Math.min(64 << 10, f.length - off));
            }
            List<Finding> out = new ArrayList<>();
            a.finish(out::add);
            bh.consume(out);
        }
    }
}
