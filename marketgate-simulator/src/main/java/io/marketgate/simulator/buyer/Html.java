package io.marketgate.simulator.buyer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Helpers for the server-rendered buyer pages. Everything that comes from state or input goes through
 * {@link #escape}, because product titles, buyer names and ids are set by whoever calls the control API.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f2f3f3;color:#16191f}
            header{background:#232f3e;color:#fff;padding:12px 24px;display:flex;gap:16px;align-items:baseline}
            header a{color:#fff;text-decoration:none;font-weight:600;font-size:18px}
            header span{color:#ff9900;font-size:13px}
            main{max-width:960px;margin:24px auto;padding:0 16px}
            .card{background:#fff;border:1px solid #d5dbdb;border-radius:8px;padding:16px 20px;margin-bottom:16px}
            .card h2{margin:0 0 4px;font-size:20px}
            .meta{color:#545b64;font-size:13px;margin-bottom:12px}
            label{display:block;font-size:13px;font-weight:600;margin:10px 0 4px}
            input[type=text],input[type=number],select{padding:6px 8px;border:1px solid #aab7b8;border-radius:4px;min-width:260px}
            .row{display:flex;gap:24px;flex-wrap:wrap}
            .inline{font-weight:400;display:inline-flex;gap:6px;margin-right:16px}
            button{background:#ff9900;border:1px solid #e88b00;border-radius:20px;padding:7px 18px;font-weight:600;cursor:pointer;margin-top:14px}
            button.secondary{background:#fff;border-color:#545b64}
            table{border-collapse:collapse;width:100%;font-size:14px}
            th,td{text-align:left;padding:8px;border-bottom:1px solid #eaeded;vertical-align:top}
            code{background:#f2f3f3;padding:1px 4px;border-radius:3px;word-break:break-all}
            .error{border-color:#d13212;color:#d13212}
            .note{font-size:13px;color:#545b64}
            """;

    private Html() {}

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A path segment for an href, e.g. an account or agreement id. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A complete page; {@code body} is HTML already escaped by the caller. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - AWS Marketplace simulator</title>"
                + "<style>" + STYLE + "</style></head><body>"
                + "<header><a href=\"/buyer\">AWS Marketplace</a><span>simulated by Marketgate, for local testing</span></header>"
                + "<main>" + body + "</main></body></html>\n";
    }

    static String errorPage(String title, String message) {
        return page(
                title,
                "<div class=\"card error\"><h2>" + escape(title) + "</h2><p>" + escape(message)
                        + "</p><p><a href=\"/buyer\">Back to the products</a></p></div>");
    }
}
