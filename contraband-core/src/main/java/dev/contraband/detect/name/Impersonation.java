package dev.contraband.detect.name;

import dev.contraband.detect.Severity;

/**
 * A name judged to pose as a trusted one.
 *
 * @param name         the name as checked
 * @param impersonates what it poses as ({@code library/golang})
 * @param technique    how
 * @param detail       one sentence saying how, for people ("ngnix is nginx with two neighbouring characters swapped")
 */
public record Impersonation(ImageName name, Target impersonates, Technique technique, String detail) {
    public Severity severity() {
        return technique.severity();
    }
}
