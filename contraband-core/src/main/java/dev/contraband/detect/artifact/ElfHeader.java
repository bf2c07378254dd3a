package dev.contraband.detect.artifact;

/**
 * The few facts of an ELF header this family needs, read from a file's first bytes without trusting them: a
 * malformed header yields {@code null} or fewer facts, never an exception.
 *
 * @param type        e_type: 2 executable, 3 shared object or PIE
 * @param interpreter whether a PT_INTERP program header was seen (a dynamically linked program, not a library)
 */
record ElfHeader(boolean is64, boolean littleEndian, int type, int machine, boolean interpreter) {
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;
    private static final int PT_INTERP = 3;

    static boolean hasMagic(byte[] b, int len) {
        return len >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    /** Parses the header from the first {@code len} bytes, or returns null when they are not an ELF header. */
    static ElfHeader parse(byte[] b, int len) {
        if (!hasMagic(b, len) || len < 52) {
            return null;
        }
        boolean is64 = b[4] == 2;
        boolean le = b[5] != 2;
        int type = u16(b, 16, le);
        int machine = u16(b, 18, le);
        boolean interp = false;
        long phoff = is64 ? u64(b, 32, le) : u32(b, 28, le);
        int phentsize = u16(b, is64 ? 54 : 42, le);
        int phnum = u16(b, is64 ? 56 : 44, le);
        if (phentsize >= 4 && phnum > 0 && phnum < 256 && phoff > 0 && phoff < len) {
            for (int i = 0; i < phnum; i++) {
                long at = phoff + (long) i * phentsize;
                if (at + 4 > len) {
                    break;
                }
                if (u32(b, (int) at, le) == PT_INTERP) {
                    interp = true;
                }
            }
        }
        return new ElfHeader(is64, le, type, machine, interp);
    }

    /** A program rather than a library: ET_EXEC, or a PIE (ET_DYN that asks for an interpreter). */
    boolean isProgram() {
        return type == ET_EXEC || type == ET_DYN && interpreter;
    }

    private static int u16(byte[] b, int at, boolean le) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return le ? x | y << 8 : x << 8 | y;
    }

    private static long u32(byte[] b, int at, boolean le) {
        long lo = u16(b, le ? at : at + 2, le);
        long hi = u16(b, le ? at + 2 : at, le);
        return lo | hi << 16;
    }

    private static long u64(byte[] b, int at, boolean le) {
        long lo = u32(b, le ? at : at + 4, le);
        long hi = u32(b, le ? at + 4 : at, le);
        return lo | hi << 32;
    }
}
