package io.flowsdk.apispec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The REST reference (seed markdown) read into operations: endpoint line, parameter table,
 * response table and JSON examples. Nothing here knows the expected content; it only parses.
 */
final class SeedReference {

    /** One row of a "Request Parameters" table. */
    record Param(String name, String description, String in, String dataType, boolean required) {
        /** The schema name of a body row, from its markdown link "[Task](...)"; empty if none. */
        String linkedSchema() {
            Matcher m = LINK.matcher(dataType);
            return m.find() ? m.group(1).trim() : "";
        }
    }

    /** One row of a "Responses" table. */
    record Response(int status, String schema) {}

    /** One "## " section of the seed. */
    record Operation(String title, String method, String path, List<Param> params,
                     List<Response> responses, List<Object> requestExamples,
                     List<Object> responseExamples) {
        boolean hasBody() {
            return params.stream().anyMatch(p -> p.in().equals("body"));
        }
    }

    private static final Pattern ENDPOINT =
            Pattern.compile("<Endpoint\\s+method=\"([a-zA-Z]+)\"\\s+path=\"([^\"]+)\"\\s*/>");
    private static final Pattern STATUS_ROW = Pattern.compile("^\\[(\\d{3})[^\\]]*\\]\\([^)]*\\)\\s*\\|(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(");

    private SeedReference() {}

    static List<Operation> load(Path seed) throws IOException {
        return parse(Files.readString(seed, StandardCharsets.UTF_8));
    }

    static List<Operation> parse(String markdown) {
        List<Operation> ops = new ArrayList<>();
        String[] sections = markdown.split("(?m)^## ");
        for (int i = 1; i < sections.length; i++) {
            ops.add(parseSection(sections[i]));
        }
        return ops;
    }

    private static Operation parseSection(String section) {
        String[] lines = section.split("\\R", -1);
        String title = lines[0].trim();
        Matcher em = ENDPOINT.matcher(section);
        if (!em.find()) {
            throw new IllegalStateException("section '" + title + "' has no <Endpoint/> line");
        }
        String method = em.group(1).toLowerCase(Locale.ROOT);
        String path = em.group(2);

        List<Param> params = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        List<Object> requestExamples = new ArrayList<>();
        List<Object> responseExamples = new ArrayList<>();

        String heading = "";
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                heading = trimmed.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                continue;
            }
            if (trimmed.startsWith("```json")) {
                StringBuilder json = new StringBuilder();
                for (i++; i < lines.length && !lines[i].trim().startsWith("```"); i++) {
                    json.append(lines[i]).append('\n');
                }
                Object value = parseJson(json.toString());
                if (heading.startsWith("request example")) {
                    requestExamples.add(value);
                } else if (heading.startsWith("response example")) {
                    responseExamples.add(value);
                } else {
                    throw new IllegalStateException(title + ": JSON block under unknown heading '" + heading + "'");
                }
                continue;
            }
            if (heading.equals("request parameters") && trimmed.contains("|")) {
                Param p = parseParamRow(trimmed);
                if (p != null) {
                    params.add(p);
                }
            } else if (heading.equals("responses")) {
                Matcher sm = STATUS_ROW.matcher(trimmed);
                if (sm.matches()) {
                    String[] cells = sm.group(2).split("\\|");
                    String schemaCell = cells.length >= 2 ? cells[cells.length - 1] : "";
                    Matcher lm = LINK.matcher(schemaCell);
                    responses.add(new Response(Integer.parseInt(sm.group(1)), lm.find() ? lm.group(1).trim() : ""));
                }
            }
        }
        return new Operation(title, method, path, List.copyOf(params), List.copyOf(responses),
                List.copyOf(requestExamples), List.copyOf(responseExamples));
    }

    /** A table row, with or without the leading pipe; null for the header and separator rows. */
    private static Param parseParamRow(String row) {
        String r = row.startsWith("|") ? row.substring(1) : row;
        String[] cells = r.split("\\|", -1);
        if (cells.length < 5) {
            return null;
        }
        String name = cells[0].trim();
        if (name.isEmpty() || name.equals("Parameter") || name.matches("-+")) {
            return null;
        }
        return new Param(name, cells[1].trim(), cells[2].trim().toLowerCase(Locale.ROOT), cells[3].trim(),
                Boolean.parseBoolean(cells[4].trim()));
    }

    /** JSON is YAML: the seed's examples are read with the same safe loader as the spec. */
    static Object parseJson(String json) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
    }
}
