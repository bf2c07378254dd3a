package dev.contraband.detect.artifact;

import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

/** The rules of the suspicious-artifacts family. */
final class ArtifactRules {
    static final Rule ELF_IN_TEMP = new Rule("artifact.elf-in-temp-dir", Category.OTHER, Severity.HIGH,
            "ELF binary in a temporary folder",
            "Images have no reason to ship programs in /tmp, /var/tmp or /dev/shm; droppers and miners hide there.");
    static final Rule ELF_IN_HIDDEN = new Rule("artifact.elf-in-hidden-dir", Category.OTHER, Severity.MEDIUM,
            "ELF program in a hidden folder",
            "A program inside a folder whose name starts with a dot is hidden from ls; miners use paths such as /opt/.cache/kthreadd.");
    static final Rule SETUID_ROOT = new Rule("artifact.setuid-root-outside-system-paths", Category.BACKDOOR,
            Severity.HIGH, "setuid-root program outside system folders",
            "A setuid-root executable outside /bin, /sbin, /usr and /lib gives any local user root; package managers never put one there.");
    static final Rule SETGID_ROOT = new Rule("artifact.setgid-root-outside-system-paths", Category.BACKDOOR,
            Severity.MEDIUM, "setgid-root program outside system folders",
            "A setgid-root executable outside the system folders grants the root group to whoever runs it.");
    static final Rule LD_SO_PRELOAD = new Rule("artifact.ld-so-preload", Category.BACKDOOR, Severity.HIGH,
            "/etc/ld.so.preload loads a library into every process",
            "A non-empty /etc/ld.so.preload injects a library into every dynamically linked program; rootkits and miners use it to hide.");
    static final Rule ENTRYPOINT_FROM_TEMP = new Rule("artifact.entrypoint-runs-from-temp-dir", Category.OTHER,
            Severity.HIGH, "ENTRYPOINT/CMD runs a program from a temporary folder",
            "The container starts a program from /tmp, /var/tmp or /dev/shm, where no packaged software lives.");
    static final Rule ENTRYPOINT_FROM_HIDDEN = new Rule("artifact.entrypoint-runs-from-hidden-dir", Category.OTHER,
            Severity.MEDIUM, "ENTRYPOINT/CMD runs a program from a hidden folder",
            "The container starts a program from a folder whose name starts with a dot.");

    private ArtifactRules() {
    }
}
