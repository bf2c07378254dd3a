package dev.contraband.sample;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Inert ELF files for samples and tests: a valid x86-64 ELF header and program header table followed by padding.
 * They carry no code and could not run; they only look like programs to a scanner.
 */
public final class SampleElf {
    public static final short ET_EXEC = 2;
    public static final short ET_DYN = 3;

    private SampleElf() {
    }

    /** An ELF64 file of {@code type}; with {@code interpreter} a PT_INTERP header makes an ET_DYN a PIE program. */
    public static byte[] elf(short type, boolean interpreter, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, 256)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort(type);
        b.putShort((short) 62);          // EM_X86_64
        b.putInt(1);                     // EV_CURRENT
        b.putLong(0x401000);             // e_entry
        b.putLong(64);                   // e_phoff
        b.putLong(0);                    // e_shoff
        b.putInt(0);                     // e_flags
        b.putShort((short) 64);          // e_ehsize
        b.putShort((short) 56);          // e_phentsize
        b.putShort((short) 1);           // e_phnum
        b.putShort((short) 64);          // e_shentsize
        b.putShort((short) 0);           // e_shnum
        b.putShort((short) 0);           // e_shstrndx
        b.position(64);
        b.putInt(interpreter ? 3 : 1);   // PT_INTERP or PT_LOAD
        return b.array();
    }

    public static byte[] program() {
        return elf(ET_EXEC, false, 4096);
    }
}
