package dev.contraband.detect.name;

/** Which keys are neighbours on a US QWERTY keyboard, the layout most typos in the studied names come from. */
final class Keyboard {
    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final boolean[][] ADJACENT = build();

    private Keyboard() {
    }

    static boolean adjacent(char a, char b) {
        return a < 128 && b < 128 && ADJACENT[a][b];
    }

    private static boolean[][] build() {
        boolean[][] adj = new boolean[128][128];
        for (int r = 0; r < ROWS.length; r++) {
            for (int c = 0; c < ROWS[r].length(); c++) {
                char k = ROWS[r].charAt(c);
                link(adj, k, r, c - 1);
                link(adj, k, r, c + 1);
                // Rows are staggered: a key touches the two keys above it at its column and the next one,
                // and the two below it at the previous column and its own.
                link(adj, k, r - 1, c);
                link(adj, k, r - 1, c + 1);
                link(adj, k, r + 1, c - 1);
                link(adj, k, r + 1, c);
            }
        }
        return adj;
    }

    private static void link(boolean[][] adj, char k, int row, int col) {
        if (row >= 0 && row < ROWS.length && col >= 0 && col < ROWS[row].length()) {
            char other = ROWS[row].charAt(col);
            adj[k][other] = true;
            adj[other][k] = true;
        }
    }
}
