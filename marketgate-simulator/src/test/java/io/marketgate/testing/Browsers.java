package io.marketgate.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.List;

/**
 * Headless Chromium for browser tests, from the machine's own install (Playwright must not download one).
 * Use with {@code @Requires(Piece.CHROMIUM)}.
 */
public final class Browsers {

    /** Flags for a sandbox-less, offline machine: no GPU, no background traffic to Google's hosts. */
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    private Browsers() {}

    public static Browser headlessChromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Piece.Pieces.chromium().orElseThrow())
                        .setHeadless(true)
                        .setArgs(ARGS));
    }
}
