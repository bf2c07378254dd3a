package dev.contraband.cli;

import dev.contraband.image.ImageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns a failure into the one line the user sees: the input, the part of it, and the cause. */
final class Errors {
    private Errors() {
    }

    static void print(PrintStream err, String input, IOException e, boolean debug) {
        err.println("contraband: " + line(input, e));
        if (debug) {
            e.printStackTrace(err);
        }
    }

    static String line(String input, IOException e) {
        String message = switch (e) {
            case ImageException ie -> ie.getMessage();
            case NoSuchFileException n -> n.getFile() + ": no such file";
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return message.startsWith(input) ? message : input + ": " + message;
    }
}
