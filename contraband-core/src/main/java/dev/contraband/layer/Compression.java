package dev.contraband.layer;

import com.github.luben.zstd.ZstdInputStream;
import dev.contraband.image.ImageException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Layer compression, told by magic bytes rather than by media type (which registries and tools get wrong). */
public enum Compression {
    NONE, GZIP, ZSTD;

    static Compression detect(BufferedInputStream in, String what) throws IOException {
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        int b0 = magic.length > 0 ? magic[0] & 0xff : -1;
        int b1 = magic.length > 1 ? magic[1] & 0xff : -1;
        if (b0 == 0x1f && b1 == 0x8b) {
            return GZIP;
        }
        if (magic.length >= 4 && b0 == 0x28 && b1 == 0xb5 && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        if (magic.length >= 3 && b0 == 'B' && b1 == 'Z' && magic[2] == 'h') {
            throw new ImageException(what + ": bzip2-compressed layers are not supported");
        }
        if (magic.length >= 6 && b0 == 0xfd && b1 == '7' && magic[2] == 'z' && magic[3] == 'X' && magic[4] == 'Z') {
            throw new ImageException(what + ": xz-compressed layers are not supported");
        }
        return NONE;
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 64 << 10);
            case ZSTD -> new ZstdInputStream(in);
        };
    }
}
