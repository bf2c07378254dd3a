package dev.contraband.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.detect.Severity;
import dev.contraband.detect.name.AllowList;
import dev.contraband.detect.name.ImageName;
import dev.contraband.detect.name.Impersonation;
import dev.contraband.detect.name.NameChecker;
import dev.contraband.detect.name.ReferenceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code contraband name-check NAME…}: judges image names alone, for upload hooks and registry sweeps. */
@Command(name = "name-check",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        sortOptions = false,
        description = {
                "Says whether image names pose as official images or well-known publishers' images.",
                "",
                "Reported: typos (ngnix), look-alike characters (ng1nx), separators (node-js), trust words",
                "(nginx-official), variants by strangers (golang-alpine), look-alike namespaces (libary/nginx),",
                "and, as a weak signal at low severity, an official name under someone else's namespace",
                "(vibersastra/ubuntu). Nothing is downloaded; names are judged as written.",
                ""},
        footer = {"",
                "Examples:",
                "  contraband name-check libary/nginx",
                "  contraband name-check vibersastra/golang node-js golang-alpine --format json",
                "  contraband name-check --names-from names.txt --allow mirrors.txt",
                "  docker images --format '{{.Repository}}' | contraband name-check --names-from -",
                "",
                "The reference set is the built-in one unless `contraband names update` installed another.",
                "An allow-list file holds one name (myorg/nginx) or prefix (mirror.example.com/*) a line.",
                "",
                "Exit codes:",
                "  0  no name poses as a trusted image at or above --fail-on",
                "  1  at least one does",
                "  2  bad input: a name Docker would refuse, an unreadable file; one line on stderr says why"})
final class NameCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Image names, such as nginx, bob/app:1.0, ghcr.io/org/app.")
    List<String> names = new ArrayList<>();

    @Option(names = "--names-from", paramLabel = "FILE",
            description = "Also read names from FILE, one a line (- for standard input).")
    String namesFrom;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}). JSON is an array of "
                    + "{\"name\", \"impersonates\", \"technique\", \"severity\"}, null when a name poses as nothing.")
    String format;

    @Option(names = "--allow", paramLabel = "FILE",
            description = "Never report the names or prefixes listed in FILE, such as your own mirrors.")
    Path allow;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "medium",
            description = "Exit with 1 when a name is reported at this severity or higher (default: ${DEFAULT-VALUE}; "
                    + "low includes name reuse, none never fails).")
    String failOn;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One judged name. */
    record Result(String input, ImageName name, Optional<Impersonation> impersonation) {
    }

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid format \"" + format + "\" (expected table or json)");
        }
        Severity fail;
        try {
            fail = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> inputs = new ArrayList<>(names);
        NameChecker checker;
        try {
            if (namesFrom != null) {
                inputs.addAll(readNames(namesFrom));
            }
            AllowList allowList = allow == null ? AllowList.EMPTY : AllowList.read(allow);
            checker = new NameChecker(ReferenceStore.standard().load(), allowList);
        } catch (IOException e) {
            Errors.print(err, namesFrom != null ? namesFrom : String.valueOf(allow), e, debug);
            return ExitCodes.ERROR;
        }
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no names given (name them, or use --names-from)");
        }
        List<ImageName> parsed = new ArrayList<>();
        boolean bad = false;
        for (String input : inputs) {
            try {
                parsed.add(ImageName.parse(input));
            } catch (IllegalArgumentException e) {
                err.println("contraband: " + e.getMessage());
                bad = true;
            }
        }
        if (bad) {
            return ExitCodes.ERROR;
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            results.add(new Result(inputs.get(i), parsed.get(i), checker.check(parsed.get(i))));
        }
        PrintStream out = System.out;
        if (format.equals("json")) {
            out.println(json(results));
        } else {
            table(results, out);
        }
        boolean failed = fail != null && results.stream()
                .anyMatch(r -> r.impersonation().filter(i -> i.severity().atLeast(fail)).isPresent());
        return failed ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    private static List<String> readNames(String from) throws IOException {
        List<String> lines;
        if (from.equals("-")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            lines = in.lines().toList();
        } else {
            lines = Files.readAllLines(Path.of(from), StandardCharsets.UTF_8);
        }
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static String json(List<Result> results) {
        ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ArrayNode array = mapper.createArrayNode();
        for (Result r : results) {
            ObjectNode o = array.addObject();
            o.put("name", r.input());
            Impersonation i = r.impersonation().orElse(null);
            o.put("impersonates", i == null ? null : i.impersonates().reference());
            o.put("technique", i == null ? null : i.technique().id());
            o.put("severity", i == null ? null : i.severity().id());
        }
        try {
            return mapper.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void table(List<Result> results, PrintStream out) {
        int width = Math.max(4, results.stream().mapToInt(r -> r.input().length()).max().orElse(4));
        String row = "%-" + width + "s  %-8s  %-26s  %-20s  %s%n";
        out.printf(row, "NAME", "SEVERITY", "POSES AS", "TECHNIQUE", "WHY");
        for (Result r : results) {
            Impersonation i = r.impersonation().orElse(null);
            if (i == null) {
                out.printf(row, r.input(), "-", "-", "-", "no trusted image imitated");
            } else {
                out.printf(row, r.input(), i.severity().id(), i.impersonates().reference(), i.technique().id(), i.detail());
            }
        }
        long flagged = results.stream().filter(r -> r.impersonation().isPresent()).count();
        out.println();
        out.println(results.size() + " name" + (results.size() == 1 ? "" : "s") + " checked, " + flagged
                + " pose" + (flagged == 1 ? "s" : "") + " as a trusted image.");
    }
}
